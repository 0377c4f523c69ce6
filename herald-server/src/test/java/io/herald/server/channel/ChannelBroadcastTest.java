package io.herald.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.message.Frames;
import io.herald.server.message.OutboundEvent;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fan-out over real event loops: who writes where, who is included, and how flushes are batched. */
class ChannelBroadcastTest {

    private static final int NO_LIMIT = 100;

    /** Loops of the kind the server runs (I/O loops, which run end-of-turn tasks), two of them. */
    private final MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventLoop loopOne = loops.next();
    private final EventLoop loopTwo = loops.next();
    private final ChannelRegistry registry = new ChannelRegistry();

    @AfterEach
    void stopLoops() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void eachSubscriberIsWrittenOnItsOwnLoopAndTheCallerDoesNoWrites() {
        List<RecordingSubscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RecordingSubscriber s = new RecordingSubscriber("1." + i, i % 2 == 0 ? loopOne : loopTwo);
            subscribers.add(s);
            registry.join("news", s, null, NO_LIMIT);
        }
        ByteBuf frame = event("news", "hello");

        registry.find("news").broadcast(frame, "1.3");

        drain(loopOne);
        drain(loopTwo);

        String expected = "{\"event\":\"e\",\"channel\":\"news\",\"data\":\"hello\"}";
        for (RecordingSubscriber s : subscribers) {
            assertThat(s.received()).isEqualTo(s.socketId().equals("1.3") ? List.of() : List.of(expected));
            assertThat(s.writesOffItsLoop()).isZero();
        }
        assertThat(frame.refCnt()).as("every reference handed out was released").isZero();
    }

    @Test
    void aSubscriberWhoJoinsAfterTheBroadcastDoesNotReceiveIt() throws Exception {
        RecordingSubscriber early = new RecordingSubscriber("1.1", loopOne);
        RecordingSubscriber late = new RecordingSubscriber("1.2", loopOne);
        registry.join("presence-room", early, null, NO_LIMIT);
        CountDownLatch release = block(loopOne);

        registry.find("presence-room").broadcast(event("presence-room", "before"), null);
        registry.join("presence-room", late, null, NO_LIMIT);
        registry.find("presence-room").broadcast(event("presence-room", "after"), null);
        release.countDown();
        drain(loopOne);

        assertThat(early.received()).hasSize(2);
        assertThat(late.received()).containsExactly("{\"event\":\"e\",\"channel\":\"presence-room\",\"data\":\"after\"}");
    }

    @Test
    void eventsQueuedTogetherReachASocketInOneFlush() throws Exception {
        RecordingSubscriber s = new RecordingSubscriber("1.1", loopOne);
        registry.join("news", s, null, NO_LIMIT);
        CountDownLatch release = block(loopOne);

        for (int i = 0; i < 5; i++) {
            registry.find("news").broadcast(event("news", "n" + i), null);
        }
        release.countDown();
        drain(loopOne);

        assertThat(s.received()).hasSize(5).last().asString().contains("n4");
        assertThat(s.flushes()).isEqualTo(1);
    }

    @Test
    void aLoneEventIsFlushedAtOnce() {
        RecordingSubscriber s = new RecordingSubscriber("1.1", loopOne);
        registry.join("news", s, null, NO_LIMIT);

        registry.find("news").broadcast(event("news", "one"), null);
        drain(loopOne);
        registry.find("news").broadcast(event("news", "two"), null);
        drain(loopOne);

        assertThat(s.received()).hasSize(2);
        assertThat(s.flushes()).isEqualTo(2);
    }

    private static ByteBuf event(String channel, String data) {
        return Frames.wire(OutboundEvent.server(channel, "e", data, null));
    }

    /** Holds the loop busy until the returned latch opens, so work queues up behind it. */
    private static CountDownLatch block(EventLoop loop) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        return release;
    }

    /**
     * Waits until everything queued on the loop so far, what that queued in turn, and the end-of-turn
     * work it asked for (the flushes) has run.
     */
    private static void drain(EventLoop loop) {
        for (int round = 0; round < 3; round++) {
            Promise<Void> turnEnded = loop.newPromise();
            loop.execute(() -> ((SingleThreadEventLoop) loop).executeAfterEventLoopIteration(() -> turnEnded.setSuccess(null)));
            turnEnded.syncUninterruptibly();
        }
    }
}
