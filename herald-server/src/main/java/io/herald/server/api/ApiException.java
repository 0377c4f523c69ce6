package io.herald.server.api;

import io.herald.protocol.HeraldException;

/** A refused API request: the HTTP status and a message for the caller, sent as {@code {"error": message}}. */
public final class ApiException extends HeraldException {

    private final int status;

    private ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException methodNotAllowed(String message) {
        return new ApiException(405, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, message);
    }
}
