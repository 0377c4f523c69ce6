package io.herald.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;

/**
 * The few Pusher v7 frames the load generator sends, and cheap scans of the ones it receives: a
 * worker sees hundreds of thousands of frames a second, so it reads only the event name and, for
 * the handshake, the socket id, instead of parsing JSON.
 */
final class Wire {

    static final String PONG = "{\"event\":\"pusher:pong\",\"data\":{}}";
    private static final String EVENT = "\"event\":\"";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Wire() {
    }

    /** The event name of a received frame, or "" if there is none. */
    static String event(String frame) {
        int start = frame.indexOf(EVENT);
        if (start < 0) {
            return "";
        }
        start += EVENT.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? "" : frame.substring(start, end);
    }

    /** The socket id of a {@code pusher:connection_established} frame, or {@code null}. */
    static String socketId(String frame) {
        int i = frame.indexOf("socket_id");
        if (i < 0) {
            return null;
        }
        i += "socket_id".length();
        while (i < frame.length() && !Character.isDigit(frame.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < frame.length() && (Character.isDigit(frame.charAt(i)) || frame.charAt(i) == '.')) {
            i++;
        }
        return i > start ? frame.substring(start, i) : null;
    }

    static String subscribe(String channel) {
        return frame("pusher:subscribe", JSON.objectNode().put("channel", channel));
    }

    /** A signed presence subscription as user {@code userId}. */
    static String subscribePresence(BenchTarget target, String socketId, String channel, String userId) {
        String channelData = JSON.objectNode().put("user_id", userId).toString();
        String signature = ChannelAuth.channelSignature(target.secret(), socketId, channel, channelData);
        return frame("pusher:subscribe", JSON.objectNode().put("channel", channel)
                .put("auth", ChannelAuth.authString(target.key(), signature))
                .put("channel_data", channelData));
    }

    static String unsubscribe(String channel) {
        return frame("pusher:unsubscribe", JSON.objectNode().put("channel", channel));
    }

    private static String frame(String event, ObjectNode data) {
        ObjectNode frame = JSON.objectNode().put("event", event);
        frame.set("data", data);
        return frame.toString();
    }
}
