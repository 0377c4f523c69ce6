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
 * {@link Connection#write}: the fan-out frames of one loop turn leave in the end-of-turn flush as one
 * buffer, in order with everything else the connection writes. A run of the turn buffer's frames is
 * sent as a slice of it, shared with the loop's other subscribers; frames that skip some of the turn's,
 * or follow data already queued, are copied; frames piling up past half the outbound limit go at once,
 * so a burst larger than the limit never turns a socket unwritable (which closes it with 4100) before
 * it had a chance to send.
 */
class ConnectionFanOutWriteTest {

    private static final int LIMIT = 2048;

    private final EmbeddedChannel socket = new EmbeddedChannel();
    private final Connection connection;
    /** The loop's turn buffer, as {@code LoopTurn} fills it: frames one after another. */
    private final ByteBuf turn = Unpooled.directBuffer(8192, 8192);

    ConnectionFanOutWriteTest() {
        socket.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LIMIT / 2, LIMIT));
        App app = App.of("app-1", "key-1", "secret-1");
        connection = new Connection("1.1", app, socket, AppMetrics.detached(app.id()));
    }

    @AfterEach
    void releaseWhatWasSent() {
        socket.finishAndReleaseAll();
        turn.release();
    }

    @Test
    void aRunOfTheTurnsFramesLeavesAsOneSliceOfTheTurnBuffer() {
        assertThat(write(frame('a', 100))).as("first write: flush me later").isTrue();
        assertThat(write(frame('b', 100))).as("already waiting for the flush").isFalse();
        assertThat(socket.outboundMessages()).isEmpty();

        connection.flush();

        assertThat(turn.refCnt()).as("the socket holds a slice of the turn buffer").isEqualTo(2);
        assertThat(sent()).containsExactly("a".repeat(100) + "b".repeat(100));
        assertThat(turn.refCnt()).as("released with what was sent").isEqualTo(1);
    }

    @Test
    void framesThatSkipSomeOfTheTurnsAreCopiedIntoOneBuffer() {
        write(frame('a', 100));
        append(frame('x', 100)); // an event of a channel this connection is not in
        write(frame('b', 100));
        connection.flush();

        assertThat(turn.refCnt()).as("nothing of the turn buffer is held").isEqualTo(1);
        assertThat(sent()).containsExactly("a".repeat(100) + "b".repeat(100));
    }

    @Test
    void aConnectionWithDataQueuedCopiesRatherThanHoldTheTurnBuffer() {
        socket.write(Unpooled.copiedBuffer("queued", StandardCharsets.US_ASCII)); // not flushed: still queued
        write(frame('a', 100));
        write(frame('b', 100));
        connection.flush();

        assertThat(turn.refCnt()).as("a reader behind keeps copies of its own").isEqualTo(1);
        assertThat(sent()).containsExactly("queued", "a".repeat(100) + "b".repeat(100));
    }

    @Test
    void aLargeFrameAmongCopiedOnesIsSharedAndKeepsItsPlace() {
        write(frame('a', 10));
        append(frame('x', 10));
        write(frame('L', 1500));
        write(frame('c', 10));
        connection.flush();

        assertThat(sent()).containsExactly("a".repeat(10), "L".repeat(1500), "c".repeat(10));
        assertThat(turn.refCnt()).as("the socket released its slice").isEqualTo(1);
    }

    @Test
    void framesPastHalfTheLimitAreSentAtOnceAndTheSocketStaysWritable() {
        for (int i = 0; i < 10; i++) { // 6,000 bytes in one turn: three times the limit
            write(frame('x', 600));
            assertThat(socket.isWritable()).as("writable after frame %d", i).isTrue();
        }

        assertThat(String.join("", sent())).as("sent before the turn's flush").hasSizeGreaterThanOrEqualTo(4800);
    }

    @Test
    void aFrameSentOnTheLoopFollowsTheFramesQueuedBeforeIt() {
        write(frame('a', 10));
        connection.send(new TextWebSocketFrame("reply"));
        connection.flush();

        assertThat(sent()).containsExactly("a".repeat(10), "reply");
    }

    @Test
    void aCloseOnTheLoopFollowsTheQueuedFramesAndNothingFollowsIt() {
        write(frame('a', 10));
        connection.close(ErrorCode.OVER_CAPACITY, "Over capacity");
        assertThat(write(frame('b', 10))).as("dropped: the connection is closing").isFalse();
        connection.flush();

        List<Object> messages = new ArrayList<>(socket.outboundMessages());
        assertThat(messages).hasSize(3);
        assertThat(text(messages.get(0))).isEqualTo("a".repeat(10));
        assertThat(text(messages.get(1))).contains("pusher:error");
        assertThat(messages.get(2)).isInstanceOf(CloseWebSocketFrame.class);
    }

    /** Appends a frame to the turn buffer, as fan-out does once per loop, and writes it to the connection. */
    private boolean write(ByteBuf frame) {
        int offset = append(frame);
        return connection.write(turn, offset, turn.writerIndex() - offset);
    }

    /** Appends a frame to the turn buffer only; returns where it starts. */
    private int append(ByteBuf frame) {
        int offset = turn.writerIndex();
        turn.writeBytes(frame);
        frame.release();
        return offset;
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
