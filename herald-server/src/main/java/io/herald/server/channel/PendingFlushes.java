package io.herald.server.channel;

import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscribers of one event loop that were written to but not yet flushed. Their flush runs once
 * at the end of the loop's turn, so a burst of events that lands in the loop's queue together reaches
 * each socket in one write system call instead of one per event.
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

    /**
     * Schedules the flush on {@code loop} (the calling thread's) unless it is scheduled already: at the
     * end of the loop's current turn, after every task it runs in that turn, so all the events that
     * reach this loop in one turn share each socket's write; a loop of another kind gets a task queued.
     */
    void flushLater(EventExecutor loop) {
        if (!scheduled && !subscribers.isEmpty()) {
            scheduled = true;
            if (loop instanceof SingleThreadIoEventLoop eventLoop) { // runs end-of-turn tasks after its tasks
                eventLoop.executeAfterEventLoopIteration(this);
            } else {
                loop.execute(this);
            }
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
