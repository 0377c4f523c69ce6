package io.herald.tests.websocket;

import static io.herald.tests.websocket.RawWebSocket.OPCODE_CONTINUATION;
import static io.herald.tests.websocket.RawWebSocket.OPCODE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6455 §8.1: a text message that is not valid UTF-8 fails the connection with 1007, whether the
 * bad bytes come in one frame or in any fragment of a message. Sent over raw sockets, since real
 * clients can't send invalid UTF-8 as text.
 */
class InvalidUtf8Test {

    private static final int INVALID_PAYLOAD = 1007;
    private static final String PING_START = "{\"event\":\"pusher:ping\",\"data\":\"";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "C3 28",        // a two-byte lead followed by ASCII
        "FF",           // never valid in UTF-8
        "C0 AF",        // overlong encoding of '/'
        "ED A0 80",     // a UTF-16 surrogate encoded as UTF-8
        "F4 90 80 80",  // above U+10FFFF
        "E2 82"})       // a three-byte character cut short at the end of the message
    void aTextFrameWithInvalidUtf8IsClosedWith1007(String badBytes) throws IOException {
        try (TestServer server = TestServer.start(); RawWebSocket ws = connect(server)) {
            ws.sendFrame(true, OPCODE_TEXT, ping(hex(badBytes)));

            assertThat(ws.readTextContaining("pusher:error").text()).contains("UTF-8");
            assertThat(ws.readFrame().closeCode()).isEqualTo(INVALID_PAYLOAD);
            assertServesAnHonestClient(server);
        }
    }

    @Test
    void invalidUtf8InALaterFragmentIsClosedWith1007() throws IOException {
        try (TestServer server = TestServer.start(); RawWebSocket ws = connect(server)) {
            ws.sendFrame(false, OPCODE_TEXT, PING_START.getBytes(StandardCharsets.UTF_8));
            ws.sendFrame(false, OPCODE_CONTINUATION, "abc".getBytes(StandardCharsets.UTF_8));
            ws.sendFrame(true, OPCODE_CONTINUATION, concat(hex("C3 28"), "\"}".getBytes(StandardCharsets.UTF_8)));

            assertThat(ws.readTextContaining("pusher:error").text()).contains("UTF-8");
            assertThat(ws.readFrame().closeCode()).isEqualTo(INVALID_PAYLOAD);
        }
    }

    @Test
    void aCharacterCutShortAtTheEndOfAFragmentedMessageIsClosedWith1007() throws IOException {
        try (TestServer server = TestServer.start(); RawWebSocket ws = connect(server)) {
            ws.sendFrame(false, OPCODE_TEXT, PING_START.getBytes(StandardCharsets.UTF_8));
            ws.sendFrame(true, OPCODE_CONTINUATION, hex("F0 9F 98"));

            assertThat(ws.readTextContaining("pusher:error").text()).contains("UTF-8");
            assertThat(ws.readFrame().closeCode()).isEqualTo(INVALID_PAYLOAD);
        }
    }

    @Test
    void aCharacterSplitAcrossFragmentsIsValid() throws IOException {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC
        try (TestServer server = TestServer.start(); RawWebSocket ws = connect(server)) {
            ws.sendFrame(false, OPCODE_TEXT, concat(PING_START.getBytes(StandardCharsets.UTF_8), new byte[] {euro[0]}));
            ws.sendFrame(true, OPCODE_CONTINUATION, concat(new byte[] {euro[1], euro[2]},
                    "\"}".getBytes(StandardCharsets.UTF_8)));

            assertThat(ws.readTextContaining("pusher:").text()).contains("pusher:pong");
        }
    }

    @Test
    void validMultiByteTextIsAccepted() throws IOException {
        try (TestServer server = TestServer.start(); RawWebSocket ws = connect(server)) {
            ws.sendText(PING_START + "héllo wörld ✓ 😀\"}");

            assertThat(ws.readTextContaining("pusher:").text()).contains("pusher:pong");
        }
    }

    private static RawWebSocket connect(TestServer server) throws IOException {
        RawWebSocket ws = RawWebSocket.connect(server.port(), "/app/" + TestServer.APP.key() + "?protocol=7", 65_536);
        ws.readTextContaining("pusher:connection_established");
        return ws;
    }

    private static void assertServesAnHonestClient(TestServer server) {
        try (RecordingClient honest = server.connect()) {
            Wire.subscribe(honest, "news");
            Wire.trigger(server, "news", "flash", "{}");
            honest.awaitEvent("flash");
        }
    }

    /** {@code {"event":"pusher:ping","data":"<bad>"}} with {@code bad} as raw bytes. */
    private static byte[] ping(byte[] bad) {
        return concat(concat(PING_START.getBytes(StandardCharsets.UTF_8), bad), "\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hex(String spaced) {
        String[] parts = spaced.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
