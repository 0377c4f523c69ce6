package io.herald.server.message;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event on its way to a channel's subscribers, in a form that can cross nodes as it is.
 *
 * @param channel the channel it is published on
 * @param event the event name
 * @param dataJson the {@code data} member as JSON text: a quoted string for server events (Pusher
 *     sends data JSON-encoded as a string), or the value as the sender wrote it for client events
 * @param excludeSocketId the socket that must not receive it, or {@code null}
 * @param userId added as {@code user_id} for client events on presence channels, or {@code null}
 */
public record OutboundEvent(String channel, String event, String dataJson, String excludeSocketId, String userId) {

    /** A server-originated event whose data travels as a JSON string. */
    public static OutboundEvent server(String channel, String event, String data, String excludeSocketId) {
        return new OutboundEvent(channel, event, quote(data), excludeSocketId, null);
    }

    /** The same event on {@code otherChannel}, sharing its encoded data (one trigger, many channels). */
    public OutboundEvent onChannel(String otherChannel) {
        return new OutboundEvent(otherChannel, event, dataJson, excludeSocketId, userId);
    }

    /** A client event relayed as sent, never back to its sender. */
    public static OutboundEvent client(String channel, String event, JsonNode data, String senderSocketId, String userId) {
        return new OutboundEvent(channel, event, data.toString(), senderSocketId, userId);
    }

    static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16).append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, sb);
        return sb.append('"').toString();
    }
}
