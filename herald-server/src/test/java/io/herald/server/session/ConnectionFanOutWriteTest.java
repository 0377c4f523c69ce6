package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.server.app.App;
import io.herald.server.metrics.AppMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection#write}: the small fan-out frames of one loop turn are copied into one buffer that
 * the end-of-turn flush sends whole, in order with everything else the connection writes; frames
 * piling up past half the outbound limit go at once, so a burst larger than the limit never turns a
 * socket unwritable (which closes it with 4100) before it had a chance to send.
 */
class ConnectionFanOutWriteTest {

    private static final int LIMIT = 2048;

    private final EmbeddedChannel socket = new EmbeddedChannel();
    private final Connection connection;

    ConnectionFanOutWriteTest() {
        socket.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LIMIT / 2, LIMIT));
        App app = App.of("app-1", "key-1", "secret-1");
        connection = new Connection("1.1", app, socket, AppMetrics.detached(app.id()));
    }

    @AfterEach
    void releaseWhatWasSent() {
        socket.finishAndReleaseAll();
    }

    @Test
    void theFramesOfOneTurnLeaveAsOneBufferInOrder() {
        ByteBuf a = frame('a', 100);
        ByteBuf b = frame('b', 100);
        assertThat(connection.write(a)).as("first write: flush me later").isTrue();
        assertThat(connection.write(b)).as("already waiting for the flush").isFalse();
        assertThat(a.refCnt()).as("the caller keeps its reference").isEqualTo(1);
        assertThat(socket.outboundMessages()).isEmpty();

        connection.flush();

        assertThat(sent()).containsExactly("a".repeat(100) + "b".repeat(100));
        a.release();
        b.release();
    }

    @Test
    void aLargeFrameIsSharedAndKeepsItsPlace() {
        ByteBuf large = frame('L', 1500);
        connection.write(frame('a', 10));
        connection.write(large);
        connection.write(frame('c', 10));
        connection.flush();

        assertThat(sent()).containsExactly("a".repeat(10), "L".repeat(1500), "c".repeat(10));
        assertThat(large.refCnt()).as("the socket released its duplicate, the caller keeps one").isEqualTo(1);
        large.release();
    }

    @Test
    void framesPastHalfTheLimitAreSentAtOnceAndTheSocketStaysWritable() {
        for (int i = 0; i < 10; i++) { // 6,000 bytes in one turn: three times the limit
            connection.write(frame('x', 600));
            assertThat(socket.isWritable()).as("writable after frame %d", i).isTrue();
        }

        assertThat(String.join("", sent())).as("sent before the turn's flush").hasSizeGreaterThanOrEqualTo(4800);
    }

    @Test
    void aFrameSentOnTheLoopFollowsTheFramesQueuedBeforeIt() {
        connection.write(frame('a', 10));
        connection.send(new TextWebSocketFrame("reply"));
        connection.flush();

        assertThat(sent()).containsExactly("a".repeat(10), "reply");
    }

    @Test
    void aCloseOnTheLoopFollowsTheQueuedFramesAndNothingFollowsIt() {
        connection.write(frame('a', 10));
        connection.close(ErrorCode.OVER_CAPACITY, "Over capacity");
        assertThat(connection.write(frame('b', 10))).as("dropped: the connection is closing").isFalse();
        connection.flush();

        List<Object> messages = new ArrayList<>(socket.outboundMessages());
        assertThat(messages).hasSize(3);
        assertThat(text(messages.get(0))).isEqualTo("a".repeat(10));
        assertThat(text(messages.get(1))).contains("pusher:error");
        assertThat(messages.get(2)).isInstanceOf(CloseWebSocketFrame.class);
    }

    private static ByteBuf frame(char c, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) c);
        return Unpooled.wrappedBuffer(bytes);
    }

    /** What reached the socket so far, one string per write; each buffer is released once read. */
    private List<String> sent() {
        List<String> texts = new ArrayList<>();
        for (Object message; (message = socket.readOutbound()) != null; ) {
            texts.add(text(message));
            ReferenceCountUtil.release(message);
        }
        return texts;
    }

    private static String text(Object message) {
        ByteBuf bytes = message instanceof TextWebSocketFrame frame ? frame.content() : (ByteBuf) message;
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
