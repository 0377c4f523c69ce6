package io.herald.server.message;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.PusherEvents;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * Encodes server→client frames. A broadcast event is encoded once, WebSocket header and all, into
 * one pooled buffer ({@link #wire}); fan-out then writes retained duplicates of it, so every
 * subscriber gets the same bytes. Frames for one connection go through Netty's frame encoder.
 */
public final class Frames {

    /** First header byte: final fragment, opcode 1 (text). */
    private static final int FIN_TEXT = 0x81;
    /** Length byte values announcing a 16- or 64-bit extended payload length. */
    private static final int LENGTH_16_BITS = 126;
    private static final int LENGTH_64_BITS = 127;
    private static final int MAX_HEADER_BYTES = 10;

    private Frames() {
    }

    /** {@code {"event":…,"channel":…,"data":…[,"user_id":…]}} */
    public static TextWebSocketFrame encode(OutboundEvent e) {
        return text(json(e));
    }

    /**
     * The event as a complete WebSocket text frame, header included, for fan-out. Server frames are
     * never masked (RFC 6455 §5.1), so these bytes suit every subscriber as they are and sockets take
     * them without passing through the frame encoder.
     */
    public static ByteBuf wire(OutboundEvent e) {
        StringBuilder json = json(e);
        int length = ByteBufUtil.utf8Bytes(json);
        ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(length + MAX_HEADER_BYTES);
        buf.writeByte(FIN_TEXT);
        if (length < LENGTH_16_BITS) {
            buf.writeByte(length);
        } else if (length <= 0xFFFF) {
            buf.writeByte(LENGTH_16_BITS).writeShort(length);
        } else {
            buf.writeByte(LENGTH_64_BITS).writeLong(length);
        }
        ByteBufUtil.reserveAndWriteUtf8(buf, json, length);
        return buf;
    }

    /** The payload bytes of a frame made by {@link #wire}: its length without the header. */
    public static int payloadLength(ByteBuf wireFrame) {
        int length7 = wireFrame.getByte(wireFrame.readerIndex() + 1) & 0x7F;
        int header = length7 < LENGTH_16_BITS ? 2 : length7 == LENGTH_16_BITS ? 4 : MAX_HEADER_BYTES;
        return wireFrame.readableBytes() - header;
    }

    private static StringBuilder json(OutboundEvent e) {
        StringBuilder sb = new StringBuilder(64 + e.dataJson().length());
        sb.append("{\"event\":").append(OutboundEvent.quote(e.event()));
        if (e.channel() != null) {
            sb.append(",\"channel\":").append(OutboundEvent.quote(e.channel()));
        }
        sb.append(",\"data\":").append(e.dataJson());
        if (e.userId() != null) {
            sb.append(",\"user_id\":").append(OutboundEvent.quote(e.userId()));
        }
        return sb.append('}');
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
