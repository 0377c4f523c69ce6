package io.herald.server.channel;

import io.herald.server.message.Frames;
import io.herald.server.metrics.AppMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * One broadcast's work on one event loop: copies the frame into the loop's {@link LoopTurn} once,
 * writes it from there to that loop's subscribers of a channel and leaves the flush to the turn's
 * end. Runs on the loop, so writes need no cross-thread hand-off per socket.
 */
final class Delivery implements Runnable, BiConsumer<Subscriber, Long> {

    private final EventExecutor loop;
    private final ConcurrentHashMap<Subscriber, Long> subscribers;
    private final ByteBuf wireFrame;
    private final String excludeSocketId;
    private final long upToJoin;
    private final AppMetrics metrics;
    private final long publishedAt;
    private LoopTurn turn;
    private ByteBuf turnBuffer;
    private int offset;
    private int length;
    /** Sockets written to by this run: counted once at the end, not per socket. */
    private int written;

    private Delivery(EventExecutor loop, ConcurrentHashMap<Subscriber, Long> subscribers, ByteBuf wireFrame,
                     String excludeSocketId, long upToJoin, AppMetrics metrics, long publishedAt) {
        this.loop = loop;
        this.subscribers = subscribers;
        this.wireFrame = wireFrame;
        this.excludeSocketId = excludeSocketId;
        this.upToJoin = upToJoin;
        this.metrics = metrics;
        this.publishedAt = publishedAt;
    }

    /**
     * Queues the delivery on {@code loop} with its own reference to the frame; when done it adds to
     * {@code metrics}, {@code publishedAt} ({@link System#nanoTime()}) being when the broadcast began.
     */
    static void start(EventExecutor loop, ConcurrentHashMap<Subscriber, Long> subscribers, ByteBuf wireFrame,
                      String excludeSocketId, long upToJoin, AppMetrics metrics, long publishedAt) {
        wireFrame.retain();
        try {
            loop.execute(new Delivery(loop, subscribers, wireFrame, excludeSocketId, upToJoin, metrics, publishedAt));
        } catch (RejectedExecutionException e) {
            wireFrame.release(); // the loop has shut down, and its sockets with it
        }
    }

    @Override
    public void run() {
        turn = LoopTurn.current();
        int bytes = Frames.payloadLength(wireFrame);
        length = wireFrame.readableBytes();
        try {
            turnBuffer = turn.append(wireFrame);
        } finally {
            wireFrame.release();
        }
        offset = turnBuffer.writerIndex() - length;
        try {
            subscribers.forEach(this); // forEach, unlike an entry iterator, allocates nothing per entry
        } finally {
            turn.endLater(loop); // also lets go of the turn's buffers
        }
        metrics.fannedOut(written, bytes, publishedAt);
    }

    @Override
    public void accept(Subscriber subscriber, Long joined) {
        if (joined <= upToJoin && (excludeSocketId == null || !excludeSocketId.equals(subscriber.socketId()))) {
            written++;
            if (subscriber.write(turnBuffer, offset, length)) {
                turn.add(subscriber);
            }
        }
    }
}
