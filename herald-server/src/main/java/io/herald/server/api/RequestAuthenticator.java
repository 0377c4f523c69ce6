package io.herald.server.api;

import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import java.time.Clock;

/**
 * Checks that an API request was signed with the app's secret: key, timestamp window, version,
 * body MD5 and signature, in that order, each failing with 401 and a message saying which.
 */
final class RequestAuthenticator {

    /** How far {@code auth_timestamp} may be from the server's clock. */
    static final long TIMESTAMP_WINDOW_SECONDS = 600;

    private final Clock clock;

    RequestAuthenticator(Clock clock) {
        this.clock = clock;
    }

    void verify(App app, ApiRequest request) {
        var query = request.query();
        String key = query.get(RequestSigning.AUTH_KEY);
        if (key == null) {
            throw ApiException.unauthorized("auth_key is missing");
        }
        if (!Crypto.constantTimeEquals(app.key(), key)) {
            throw ApiException.unauthorized("auth_key does not belong to app " + app.id());
        }
        checkTimestamp(query.get(RequestSigning.AUTH_TIMESTAMP));
        if (!RequestSigning.VERSION.equals(query.get(RequestSigning.AUTH_VERSION))) {
            throw ApiException.unauthorized("auth_version must be " + RequestSigning.VERSION);
        }
        checkBody(request, query.get(RequestSigning.BODY_MD5));
        String signature = query.get(RequestSigning.AUTH_SIGNATURE);
        if (signature == null) {
            throw ApiException.unauthorized("auth_signature is missing");
        }
        if (!app.signedWithSecretAt(clock.instant(), secret -> Crypto.constantTimeEquals(
                RequestSigning.signature(secret, request.method(), request.path(), query), signature))) {
            throw ApiException.unauthorized("Invalid signature: expected HMAC SHA256 hex digest of "
                    + RequestSigning.stringToSign(request.method(), request.path(), query).replace("\n", "\\n"));
        }
    }

    private void checkTimestamp(String timestamp) {
        if (timestamp == null) {
            throw ApiException.unauthorized("auth_timestamp is missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("auth_timestamp must be Unix seconds, was " + timestamp);
        }
        long now = clock.millis() / 1000;
        // Not Math.abs(now - seconds): for seconds = now - 2^63 the difference overflows to Long.MIN_VALUE,
        // whose absolute value is negative, and the timestamp would pass.
        if (seconds < now - TIMESTAMP_WINDOW_SECONDS || seconds > now + TIMESTAMP_WINDOW_SECONDS) {
            throw ApiException.unauthorized("auth_timestamp expired: " + seconds + " is more than "
                    + TIMESTAMP_WINDOW_SECONDS + " s from the server time " + now);
        }
    }

    private static void checkBody(ApiRequest request, String bodyMd5) {
        if (request.body().length == 0) {
            return;
        }
        if (bodyMd5 == null) {
            throw ApiException.unauthorized("body_md5 is missing for a request with a body");
        }
        if (!Crypto.constantTimeEquals(Crypto.md5Hex(request.body()), bodyMd5)) {
            throw ApiException.unauthorized("body_md5 does not match the body");
        }
    }
}
