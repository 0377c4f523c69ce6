package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.metrics.AppMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * An in-memory socket ({@link EmbeddedChannel}), with a {@link Connection} over it or the handlers a
 * test put in its pipeline, that records what the server writes to it as a client would read it:
 * text frames as JSON, pre-encoded broadcast frames decoded first, and the close frame's code.
 * Single-threaded: the test thread is the socket's event loop. Shared by the tests of every package.
 */
public final class RecordingSocket {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedChannel socket;
    /** Decodes the whole WebSocket frames broadcasts write as bytes. */
    private final EmbeddedChannel wireDecoder = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
    private final Queue<JsonNode> frames = new ArrayDeque<>();
    /** The connection the test drives, or {@code null} when handlers in the pipeline make their own. */
    private final Connection connection;
    /** The close frame's status code and reason, from when one is written until a test reads it. */
    private Integer closeCode;
    private String closeReason;
    /** Whether a close frame has been written: a second is a bug. */
    private boolean closed;

    RecordingSocket(String socketId, App app) {
        this.socket = new EmbeddedChannel();
        this.connection = new Connection(socketId, app, socket, AppMetrics.detached(app.id()));
    }

    /** Records what the handlers of {@code socket}'s pipeline write to it. */
    public RecordingSocket(EmbeddedChannel socket) {
        this.socket = socket;
        this.connection = null;
    }

    Connection connection() {
        return connection;
    }

    String socketId() {
        return connection.socketId();
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** The next frame the client reads; fails when there is none. */
    public JsonNode next() {
        readWritten();
        assertThat(frames).as("frames written").isNotEmpty();
        return frames.remove();
    }

    /** The next frame, which must be {@code event}; returns it. */
    public JsonNode next(String event) {
        JsonNode frame = next();
        assertThat(frame.path("event").asText()).as("event of %s", frame).isEqualTo(event);
        return frame;
    }

    /** The next frame's {@code data}, decoded when it was sent as a JSON string (server events are). */
    public JsonNode nextData(String event) {
        return data(next(event));
    }

    /** A frame's {@code data}, decoded when it was sent as a JSON string. */
    public static JsonNode data(JsonNode frame) {
        JsonNode data = frame.path("data");
        return data.isTextual() ? parse(data.asText()) : data;
    }

    /** The next frame is {@code pusher:error} with {@code code} ({@code null}: none); returns its message. */
    public String assertError(Integer code) {
        JsonNode data = next(PusherEvents.ERROR).path("data");
        assertThat(data.path("code").isNull() ? null : data.path("code").asInt()).as("code of %s", data).isEqualTo(code);
        assertThat(data.path("message").asText()).isNotBlank();
        return data.path("message").asText();
    }

    /** No frame is waiting, and no close frame since the last {@link #assertClosed}. */
    public void assertNothingMore() {
        readWritten();
        assertThat(frames).as("frames written").isEmpty();
        assertThat(closeCode).as("close frame").isNull();
    }

    /** The socket was sent a close frame with {@code code} and is closed; returns the close reason. */
    public String assertClosed(int code) {
        readWritten();
        assertThat(frames).as("frames before the close").isEmpty();
        assertThat(closeCode).as("close frame's code").isEqualTo(code);
        assertThat(socket.isOpen()).isFalse();
        closeCode = null;
        return closeReason;
    }

    /** Runs the socket's queued tasks (deliveries, flushes) and records what they wrote. */
    private void readWritten() {
        socket.runPendingTasks();
        Object written;
        while ((written = socket.readOutbound()) != null) {
            if (written instanceof TextWebSocketFrame text) {
                frames.add(parse(text.text()));
                text.release();
            } else if (written instanceof CloseWebSocketFrame closing) {
                assertThat(closed).as("a second close frame").isFalse();
                closed = true;
                closeCode = closing.statusCode();
                closeReason = closing.reasonText();
                closing.release();
            } else if (written instanceof ByteBuf wire) {
                wireDecoder.writeInbound(wire);
                TextWebSocketFrame text;
                while ((text = wireDecoder.readInbound()) != null) {
                    frames.add(parse(text.text()));
                    text.release();
                }
            } else {
                throw new AssertionError("unexpected write " + written);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
