package io.herald.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.config.ServerOptions;
import io.herald.server.session.RecordingSocket;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketSessionHandler} in memory: admission refusals close with their code after a
 * {@code pusher:error}; a frame the decoders refuse closes with the RFC 6455 status its exception
 * carries; the activity timer's missing pong closes with 4201; other bad input is reported and the
 * connection stays.
 */
class WebSocketSessionHandlerTest {

    private static final App APP = App.builder("app-1", "key-1", "secret-1").maxConnections(1).build();
    private static final Map<String, List<String>> PROTOCOL_7 = Map.of("protocol", List.of("7"));

    private final ServerState state = HttpRequestHandlerTest.newState(b -> b.apps(List.of(APP)));

    @Test
    void anAdmittedSocketIsToldItsSocketIdAndActivityTimeout() {
        RecordingSocket client = start("/app/key-1", PROTOCOL_7);

        JsonNode established = client.nextData(PusherEvents.CONNECTION_ESTABLISHED);
        assertThat(established.path("socket_id").asText()).matches("\\d+\\.\\d+");
        assertThat(established.path("activity_timeout").asLong())
                .isEqualTo(ServerOptions.DEFAULT_ACTIVITY_TIMEOUT.toSeconds());
        client.assertNothingMore();
    }

    @Test
    void anUnknownKeyIsRefusedWith4001() {
        assertRefused(start("/app/no-such-key", PROTOCOL_7), ErrorCode.APP_NOT_FOUND);
    }

    @Test
    void aPathOtherThanAppKeyIsRefusedWith4005() {
        assertRefused(start("/app/key-1/more", PROTOCOL_7), ErrorCode.PATH_NOT_FOUND);
    }

    @Test
    void noProtocolVersionIsRefusedWith4008() {
        assertRefused(start("/app/key-1", Map.of()), ErrorCode.NO_PROTOCOL_VERSION);
    }

    @Test
    void aConnectionOverTheAppsQuotaIsRefusedWith4004() {
        start("/app/key-1", PROTOCOL_7).next(PusherEvents.CONNECTION_ESTABLISHED);

        assertRefused(start("/app/key-1", PROTOCOL_7), ErrorCode.OVER_CONNECTION_QUOTA);
    }

    @Test
    void aBinaryFrameIsReportedWithoutCodeAndTheConnectionStays() {
        EmbeddedChannel socket = socket();
        RecordingSocket client = start(socket, "/app/key-1", PROTOCOL_7);
        client.next(PusherEvents.CONNECTION_ESTABLISHED);

        socket.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));

        assertThat(client.assertError(null)).contains("Binary frames");
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aFrameTheDecoderRefusesClosesWithTheStatusItCarries() {
        EmbeddedChannel socket = socket();
        RecordingSocket client = start(socket, "/app/key-1", PROTOCOL_7);
        client.next(PusherEvents.CONNECTION_ESTABLISHED);

        socket.pipeline().fireExceptionCaught(
                new CorruptedWebSocketFrameException(WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "bad UTF-8"));

        assertThat(client.assertError(null)).isEqualTo("Invalid WebSocket frame: bad UTF-8");
        client.assertClosed(WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code());
    }

    @Test
    void aMessageOverTheFrameSizeClosesWith1009SayingTheLimit() {
        EmbeddedChannel socket = socket();
        RecordingSocket client = start(socket, "/app/key-1", PROTOCOL_7);
        client.next(PusherEvents.CONNECTION_ESTABLISHED);

        socket.pipeline().fireExceptionCaught(new TooLongFrameException("from the frame aggregator"));

        assertThat(client.assertError(null))
                .isEqualTo("Frame larger than " + ServerOptions.DEFAULT_MAX_FRAME_SIZE + " bytes");
        client.assertClosed(WebSocketCloseStatus.MESSAGE_TOO_BIG.code());
    }

    @Test
    void aSocketThatAnswersNoPingIsReportedAndClosedWith4201() throws InterruptedException {
        Duration timeout = Duration.ofMillis(1);
        EmbeddedChannel socket = new EmbeddedChannel(new ActivityHandler(timeout, timeout), new WebSocketSessionHandler(state));
        RecordingSocket client = start(socket, "/app/key-1", PROTOCOL_7);
        client.next(PusherEvents.CONNECTION_ESTABLISHED);

        Thread.sleep(20);
        client.next(PusherEvents.PING);
        Thread.sleep(20);

        client.assertError(ErrorCode.PONG_NOT_RECEIVED.code());
        client.assertClosed(ErrorCode.PONG_NOT_RECEIVED.code());
    }

    private EmbeddedChannel socket() {
        return new EmbeddedChannel(new WebSocketSessionHandler(state));
    }

    private RecordingSocket start(String path, Map<String, List<String>> query) {
        return start(socket(), path, query);
    }

    private static RecordingSocket start(EmbeddedChannel socket, String path, Map<String, List<String>> query) {
        socket.pipeline().get(WebSocketSessionHandler.class).start(socket, path, query, null);
        return new RecordingSocket(socket);
    }

    private static void assertRefused(RecordingSocket client, ErrorCode code) {
        client.assertError(code.code());
        client.assertClosed(code.code());
    }
}
