package io.herald.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void serverEventCarriesItsDataAsAJsonString() {
        TextWebSocketFrame frame = Frames.event("my-event", "my-channel", "{\"some\":\"data\"}");

        assertThat(textOf(frame))
                .isEqualTo("{\"event\":\"my-event\",\"channel\":\"my-channel\",\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}");
    }

    @Test
    void connectionEventHasNoChannelAndAStringifiedObject() {
        ObjectNode data = JSON.createObjectNode().put("socket_id", "123.456").put("activity_timeout", 120);

        assertThat(textOf(Frames.event("pusher:connection_established", data)))
                .isEqualTo("{\"event\":\"pusher:connection_established\","
                        + "\"data\":\"{\\\"socket_id\\\":\\\"123.456\\\",\\\"activity_timeout\\\":120}\"}");
    }

    @Test
    void clientEventIsRelayedAsSentWithTheUserId() throws Exception {
        OutboundEvent event = OutboundEvent.client("presence-room", "client-typing",
                JSON.readTree("{\"text\":\"hi\",\"n\":[1,2]}"), "1.1", "user-7");

        assertThat(textOf(Frames.encode(event)))
                .isEqualTo("{\"event\":\"client-typing\",\"channel\":\"presence-room\","
                        + "\"data\":{\"text\":\"hi\",\"n\":[1,2]},\"user_id\":\"user-7\"}");
    }

    @Test
    void clientEventWithoutUserIdHasNoUserIdMember() throws Exception {
        OutboundEvent event = OutboundEvent.client("private-a", "client-x", JSON.readTree("\"plain\""), "1.1", null);

        assertThat(textOf(Frames.encode(event)))
                .isEqualTo("{\"event\":\"client-x\",\"channel\":\"private-a\",\"data\":\"plain\"}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String data = "say \"hi\"\\ \n\t\u0001";

        String text = textOf(Frames.event("ev\"il", "chan", data));

        assertThat(text).isEqualTo("{\"event\":\"ev\\\"il\",\"channel\":\"chan\","
                + "\"data\":\"say \\\"hi\\\"\\\\ \\n\\t\\u0001\"}");
        assertThat(decode(text).get("data").asText()).isEqualTo(data);
    }

    @Test
    void unicodeIsSentAsUtf8AndSurvivesTheRoundTrip() {
        String data = "héllo ✓ 😀 ą§¶™€";

        TextWebSocketFrame frame = Frames.event("e", "c", data);
        byte[] bytes = bytesOf(frame);

        assertThat(bytes).isEqualTo(("{\"event\":\"e\",\"channel\":\"c\",\"data\":\"" + data + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(decode(new String(bytes, StandardCharsets.UTF_8)).get("data").asText()).isEqualTo(data);
    }

    @Test
    void errorCarriesAnObjectWithMessageAndCode() {
        assertThat(textOf(Frames.error("Bad \"auth\"", 4009)))
                .isEqualTo("{\"event\":\"pusher:error\",\"data\":{\"message\":\"Bad \\\"auth\\\"\",\"code\":4009}}");
    }

    @Test
    void errorWithoutCodeSendsANullCode() {
        assertThat(textOf(Frames.error("Invalid JSON", null)))
                .isEqualTo("{\"event\":\"pusher:error\",\"data\":{\"message\":\"Invalid JSON\",\"code\":null}}");
    }

    @Test
    void goesOnTheWireAsOneFinalUnmaskedTextFrame() {
        String json = "{\"event\":\"e\",\"channel\":\"c\",\"data\":\"é\"}";
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        ByteBuf out = Unpooled.wrappedBuffer(encodedByNetty(Frames.event("e", "c", "é")));

        assertThat(out.readUnsignedByte()).as("FIN + text opcode").isEqualTo((short) 0x81);
        assertThat(out.readUnsignedByte()).as("unmasked, length").isEqualTo((short) payload.length);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(payload);
    }

    /** Payload lengths around the 7-, 16- and 64-bit length encodings of RFC 6455, with multi-byte characters. */
    @ParameterizedTest
    @ValueSource(ints = {0, 80, 86, 87, 88, 65_000, 65_490, 65_491, 65_492, 200_000})
    void wireFrameHasTheSameBytesAsNettysEncoderGives(int filler) {
        OutboundEvent event = OutboundEvent.server("c", "e", "é".repeat(filler / 2) + "x".repeat(filler % 2), null);

        ByteBuf wire = Frames.wire(event);
        try {
            assertThat(ByteBufUtil.getBytes(wire)).isEqualTo(encodedByNetty(Frames.encode(event)));
        } finally {
            wire.release();
        }
    }

    /** What Netty's own WebSocket encoder puts on the wire for {@code frame}; releases the frame. */
    private static byte[] encodedByNetty(TextWebSocketFrame frame) {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
        channel.writeOutbound(frame);
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; part.release()) {
            out.writeBytes(part);
        }
        assertThat(channel.finish()).isFalse();
        return ByteBufUtil.getBytes(out);
    }

    /** The frame's text; releases the frame, as a subscriber's socket would. */
    private static String textOf(TextWebSocketFrame frame) {
        return new String(bytesOf(frame), StandardCharsets.UTF_8);
    }

    private static byte[] bytesOf(TextWebSocketFrame frame) {
        try {
            return ByteBufUtil.getBytes(frame.content());
        } finally {
            frame.release();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode decode(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
