package io.herald.server.channel;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscribers of one event loop that were written to but not yet flushed. Their flush runs as
 * one task queued behind the loop's pending work, so a burst of events that lands in the queue
 * together reaches each socket in one write system call instead of one per event.
 */
final class PendingFlushes implements Runnable {

    private static final FastThreadLocal<PendingFlushes> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected PendingFlushes initialValue() {
            return new PendingFlushes();
        }
    };

    private final List<Subscriber> subscribers = new ArrayList<>();
    private boolean scheduled;

    /** The calling event loop's pending flushes. */
    static PendingFlushes current() {
        return PER_THREAD.get();
    }

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Queues the flush on {@code loop} (the calling thread's) unless it is queued already. */
    void flushLater(EventExecutor loop) {
        if (!scheduled && !subscribers.isEmpty()) {
            scheduled = true;
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled = false;
        // Indexed: flushing never adds here, and this avoids an iterator per batch.
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).flush();
        }
        subscribers.clear();
    }
}
