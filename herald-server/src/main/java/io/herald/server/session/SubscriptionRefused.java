package io.herald.server.session;

import io.herald.protocol.HeraldException;

/**
 * A subscription that can't be granted, answered with {@code pusher:subscription_error}
 * {@code {type, error, status}}: the shape pusher-js surfaces to the app.
 */
final class SubscriptionRefused extends HeraldException {

    private final String type;
    private final int status;

    private SubscriptionRefused(String type, int status, String message) {
        super(message);
        this.type = type;
        this.status = status;
    }

    static SubscriptionRefused auth(String message) {
        return new SubscriptionRefused("AuthError", 401, message);
    }

    static SubscriptionRefused badRequest(String message) {
        return new SubscriptionRefused("InvalidRequest", 400, message);
    }

    static SubscriptionRefused limit(String message) {
        return new SubscriptionRefused("LimitReached", 403, message);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }
}
