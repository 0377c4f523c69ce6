package io.herald.client;

/**
 * A transition of the connection state.
 *
 * @param previous the state before
 * @param current the state now
 * @param closeCode the WebSocket close code that caused it, or 0 when no close caused it
 * @param reason why, for people (the close reason or error message); empty when there is none
 */
public record ConnectionStateChange(ConnectionState previous, ConnectionState current, int closeCode, String reason) {
}
