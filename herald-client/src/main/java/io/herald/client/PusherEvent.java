package io.herald.client;

/**
 * One event as a listener receives it.
 *
 * @param event the event name
 * @param channel the channel it came on, or {@code null} for connection-level events
 * @param data the payload: the string the publisher sent (decrypted on encrypted channels), or the
 *     JSON text of a client event's data
 * @param userId on presence channels, the user who sent a client event; otherwise {@code null}
 */
public record PusherEvent(String event, String channel, String data, String userId) {
}
