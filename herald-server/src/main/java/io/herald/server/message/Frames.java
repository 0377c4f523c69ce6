package io.herald.server.message;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.PusherEvents;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * Encodes server→client frames. An event is encoded once into one pooled buffer; fan-out then
 * writes retained duplicates of that frame, so every subscriber gets the same bytes.
 */
public final class Frames {

    private Frames() {
    }

    /** {@code {"event":…,"channel":…,"data":…[,"user_id":…]}} */
    public static TextWebSocketFrame encode(OutboundEvent e) {
        StringBuilder sb = new StringBuilder(64 + e.dataJson().length());
        sb.append("{\"event\":").append(OutboundEvent.quote(e.event()));
        if (e.channel() != null) {
            sb.append(",\"channel\":").append(OutboundEvent.quote(e.channel()));
        }
        sb.append(",\"data\":").append(e.dataJson());
        if (e.userId() != null) {
            sb.append(",\"user_id\":").append(OutboundEvent.quote(e.userId()));
        }
        return text(sb.append('}'));
    }

    /** A server event on a channel, its data sent as a JSON string. */
    public static TextWebSocketFrame event(String event, String channel, String data) {
        return encode(OutboundEvent.server(channel, event, data, null));
    }

    /** A connection-level event with a JSON-object payload that is sent as a string. */
    public static TextWebSocketFrame event(String event, ObjectNode data) {
        return event(event, null, data.toString());
    }

    /** {@code pusher:error} with {@code {message, code}}; code may be {@code null}. */
    public static TextWebSocketFrame error(String message, Integer code) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("message", message);
        data.put("code", code);
        // pusher:error carries its data as an object, as Pusher's own server sends it.
        return text(new StringBuilder("{\"event\":\"").append(PusherEvents.ERROR)
                .append("\",\"data\":").append(data).append('}'));
    }

    private static TextWebSocketFrame text(CharSequence json) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(json.length() + 16);
        buf.writeCharSequence(json, StandardCharsets.UTF_8);
        return new TextWebSocketFrame(buf);
    }
}
