package io.herald.server.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.HeraldException;
import io.herald.protocol.PusherEvents;
import io.herald.server.message.Frames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A subscription that can't be granted, answered with {@code pusher:subscription_error}
 * {@code {type, error, status}} on the channel: the shape pusher-js surfaces to the app. Not a
 * {@link io.herald.protocol.ProtocolException}: it is no {@code pusher:error} and never closes.
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

    /** The {@code pusher:subscription_error} that answers the refused subscription to {@code channel}. */
    TextWebSocketFrame frame(String channel) {
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("type", type)
                .put("error", getMessage())
                .put("status", status);
        return Frames.event(PusherEvents.SUBSCRIPTION_ERROR, channel, data.toString());
    }
}
