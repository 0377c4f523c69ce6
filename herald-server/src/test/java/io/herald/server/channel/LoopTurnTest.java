package io.herald.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LoopTurn} on a real event loop: the turn's frames lie one after another in its buffers, which
 * stay put until the turn's end, when its subscribers are flushed and the buffers let go.
 */
class LoopTurnTest {

    private final MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = loops.next();

    @AfterEach
    void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void framesOfATurnFollowEachOtherAndTheBuffersGoWhenTheTurnEnds() throws Exception {
        RecordingSubscriber subscriber = new RecordingSubscriber("1.1", loop);
        List<ByteBuf> buffers = new ArrayList<>();
        List<Integer> refCountsDuringTheTurn = new ArrayList<>();
        CompletableFuture<List<Integer>> afterTheTurn = new CompletableFuture<>();
        loop.submit(() -> {
            LoopTurn turn = LoopTurn.current();
            ByteBuf first = turn.append(frame("a"));
            ByteBuf second = turn.append(frame("b"));
            buffers.add(first);
            buffers.add(second);
            // a frame larger than a turn buffer gets one of its own; the earlier one stays valid
            ByteBuf large = turn.append(frame("L".repeat(LoopTurn.BUFFER_BYTES)));
            buffers.add(large);
            subscriber.write(first, 0, first.writerIndex());
            turn.add(subscriber);
            turn.endLater(loop);
            refCountsDuringTheTurn.add(first.refCnt());
            refCountsDuringTheTurn.add(large.refCnt());
            // end-of-turn tasks run in the order they were added: this one right after the turn's end
            ((SingleThreadIoEventLoop) loop).executeAfterEventLoopIteration(() -> afterTheTurn.complete(
                    List.of(first.refCnt(), large.refCnt())));
        }).get(5, TimeUnit.SECONDS);

        assertThat(buffers.get(1)).as("one after another in one buffer").isSameAs(buffers.get(0));
        assertThat(buffers.get(2)).as("a large frame gets a buffer of its own").isNotSameAs(buffers.get(0));
        assertThat(refCountsDuringTheTurn).containsExactly(1, 1);
        assertThat(afterTheTurn.get(5, TimeUnit.SECONDS)).as("let go once the turn's flushes ran").containsExactly(0, 0);
        assertThat(subscriber.received()).as("flushed at the turn's end").containsExactly("a", "b");
    }

    /** A text frame with a two-byte header (payload under 126 bytes) or a four-byte one. */
    private static ByteBuf frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuf frame = Unpooled.buffer();
        frame.writeByte(0x81);
        if (payload.length < 126) {
            frame.writeByte(payload.length);
        } else {
            frame.writeByte(126).writeShort(payload.length);
        }
        return frame.writeBytes(payload);
    }
}
