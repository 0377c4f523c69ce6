package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The load generator's own handshake: the request it writes, a 101 that must carry the accept value
 * for its key, frames that arrive in the same read as the 101, and a refusal reported with its status.
 */
class ClientHandshakeTest {

    private static final URI URL = URI.create("ws://127.0.0.1:6001/app/app-key?protocol=7&client=herald-bench");

    private final List<String> texts = new ArrayList<>();
    private final EmbeddedChannel socket = new EmbeddedChannel(new ClientHandshake(URL, new ServerFrameDecoder.Listener() {
        @Override
        public void onText(ByteBuf frame, int index, int length) {
            texts.add(frame.toString(index, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onClose(int code, String reason) {
        }
    }));

    @Test
    void theAcceptValueIsTheRfcs() {
        // RFC 6455 §1.3's worked example
        assertThat(ClientHandshake.accept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void aFrameInTheSameReadAsThe101ReachesTheListener() {
        String key = requestKey();
        byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "sec-websocket-accept: " + ClientHandshake.accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] text = "{\"event\":\"pusher:connection_established\"}".getBytes(StandardCharsets.UTF_8);

        socket.writeInbound(Unpooled.wrappedBuffer(head, 0, 20)); // the head split over two reads
        socket.writeInbound(Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(head, 20, head.length - 20),
                Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, (byte) text.length}), Unpooled.wrappedBuffer(text)));

        assertThat(texts).containsExactly("{\"event\":\"pusher:connection_established\"}");
        assertThat(socket.pipeline().get(ClientHandshake.class)).isNull();
    }

    @Test
    void aRefusalIsReportedWithItsStatusLine() {
        requestKey();
        assertThatThrownBy(() -> socket.writeInbound(ascii("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("handshake refused: HTTP/1.1 503 Service Unavailable");
    }

    @Test
    void a101WithTheWrongAcceptIsRefused() {
        requestKey();
        assertThatThrownBy(() -> socket.writeInbound(ascii("HTTP/1.1 101 Switching Protocols\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("without the Sec-WebSocket-Accept for our key");
    }

    /** The upgrade request the handshake wrote on connecting; returns its key. */
    private String requestKey() {
        ByteBuf written = socket.readOutbound();
        String request = written.toString(StandardCharsets.US_ASCII);
        written.release();
        assertThat(request).startsWith("GET /app/app-key?protocol=7&client=herald-bench HTTP/1.1\r\nHost: 127.0.0.1:6001\r\n")
                .contains("\r\nUpgrade: websocket\r\n", "\r\nConnection: Upgrade\r\n", "\r\nSec-WebSocket-Version: 13\r\n")
                .endsWith("\r\n\r\n");
        Matcher key = Pattern.compile("\r\nSec-WebSocket-Key: ([A-Za-z0-9+/=]{24})\r\n").matcher(request);
        assertThat(key.find()).as("a 16-byte base64 key").isTrue();
        return key.group(1);
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
