package io.herald.push.api;

/**
 * A refusal with its HTTP status and the Beams error body {@code {"error", "description"}}. Thrown
 * by validators and endpoints; {@link PushHttpService} turns it into the response, in one place.
 */
public final class BeamsException extends RuntimeException {

    private final int status;
    private final String error;

    private BeamsException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static BeamsException badRequest(String description) {
        return new BeamsException(400, "Bad Request", description);
    }

    public static BeamsException unauthorized(String description) {
        return new BeamsException(401, "Unauthorized", description);
    }

    public static BeamsException forbidden(String description) {
        return new BeamsException(403, "Forbidden", description);
    }

    public static BeamsException notFound(String description) {
        return new BeamsException(404, "Not Found", description);
    }

    public static BeamsException methodNotAllowed(String description) {
        return new BeamsException(405, "Method Not Allowed", description);
    }

    public static BeamsException tooLarge(String description) {
        return new BeamsException(413, "Payload Too Large", description);
    }

    public static BeamsException unprocessable(String description) {
        return new BeamsException(422, "Unprocessable Entity", description);
    }

    public static BeamsException tooManyRequests(String description) {
        return new BeamsException(429, "Too Many Requests", description);
    }

    public static BeamsException unavailable(String description) {
        return new BeamsException(503, "Service Unavailable", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
