package io.herald.server.channel;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * One broadcast's work on one event loop: writes the frame to that loop's subscribers of a channel
 * and leaves the flush to the loop's {@link PendingFlushes}. Runs on the loop, so writes need no
 * cross-thread hand-off per socket.
 */
final class Delivery implements Runnable, BiConsumer<Subscriber, Long> {

    private final EventExecutor loop;
    private final ConcurrentHashMap<Subscriber, Long> subscribers;
    private final ByteBuf wireFrame;
    private final String excludeSocketId;
    private final long upToJoin;
    private PendingFlushes flushes;

    private Delivery(EventExecutor loop, ConcurrentHashMap<Subscriber, Long> subscribers, ByteBuf wireFrame,
                     String excludeSocketId, long upToJoin) {
        this.loop = loop;
        this.subscribers = subscribers;
        this.wireFrame = wireFrame;
        this.excludeSocketId = excludeSocketId;
        this.upToJoin = upToJoin;
    }

    /** Queues the delivery on {@code loop} with its own reference to the frame. */
    static void start(EventExecutor loop, ConcurrentHashMap<Subscriber, Long> subscribers, ByteBuf wireFrame,
                      String excludeSocketId, long upToJoin) {
        wireFrame.retain();
        try {
            loop.execute(new Delivery(loop, subscribers, wireFrame, excludeSocketId, upToJoin));
        } catch (RejectedExecutionException e) {
            wireFrame.release(); // the loop has shut down, and its sockets with it
        }
    }

    @Override
    public void run() {
        flushes = PendingFlushes.current();
        try {
            subscribers.forEach(this); // forEach, unlike an entry iterator, allocates nothing per entry
        } finally {
            wireFrame.release();
        }
        flushes.flushLater(loop);
    }

    @Override
    public void accept(Subscriber subscriber, Long joined) {
        if (joined <= upToJoin && (excludeSocketId == null || !excludeSocketId.equals(subscriber.socketId()))
                && subscriber.write(wireFrame.retainedDuplicate())) {
            flushes.add(subscriber);
        }
    }
}
