package io.herald.client;

/** Where a {@link HeraldRealtime}'s connection is. */
public enum ConnectionState {
    /** Created; {@link HeraldRealtime#connect()} not called yet. */
    INITIALIZED,
    /** Opening the WebSocket and waiting for {@code pusher:connection_established}. */
    CONNECTING,
    /** Established: a socket id is known and subscriptions are live. */
    CONNECTED,
    /** Lost; a new attempt is scheduled (at once or after a backoff, depending on the close code). */
    RECONNECTING,
    /** Closed by {@link HeraldRealtime#disconnect()}; nothing is scheduled. */
    DISCONNECTED,
    /** The server refused the connection with a code in 4000–4099; retrying as is would not help. */
    FAILED
}
