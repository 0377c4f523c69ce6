package io.herald.client;

/**
 * One event as a listener receives it.
 *
 * @param event the event name
 * @param channel the channel it came on, or {@code null} for connection-level events
 * @param data the payload: the string the publisher sent (decrypted on encrypted channels); for a
 *     client event whose data is not a string, its JSON text; {@code null} when there was none
 * @param userId on presence channels, the user who sent a client event; otherwise {@code null}
 */
public record PusherEvent(String event, String channel, String data, String userId) {
}
