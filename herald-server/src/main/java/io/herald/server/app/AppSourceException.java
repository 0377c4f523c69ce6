package io.herald.server.app;

/**
 * An app change the source refused or could not make, with the HTTP status the admin API answers:
 * 404 (no such app), 409 (id or key taken, or a read-only source), 503 (database unreachable).
 */
public final class AppSourceException extends RuntimeException {

    private final int status;

    public AppSourceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public AppSourceException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static AppSourceException notFound(String id) {
        return new AppSourceException(404, "No app with id " + id);
    }

    public static AppSourceException conflict(String message) {
        return new AppSourceException(409, message);
    }

    public static AppSourceException unavailable(String message, Throwable cause) {
        return new AppSourceException(503, message, cause);
    }

    public int status() {
        return status;
    }
}
