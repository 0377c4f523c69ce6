package io.herald.client;

/**
 * Hears about the connection. Called on the client's event thread: return quickly and never block
 * (see {@link HeraldRealtime} for the thread model).
 */
public interface ConnectionListener {

    /**
     * The connection state changed.
     *
     * @param change the states before and after, and the close code and reason that caused it
     */
    void onStateChange(ConnectionStateChange change);

    /**
     * The server sent {@code pusher:error} without closing (codes 4300+ or none), or something went
     * wrong locally (code 0).
     *
     * @param code the Pusher error code, or 0
     * @param message the error's message
     */
    default void onError(int code, String message) {
    }
}
