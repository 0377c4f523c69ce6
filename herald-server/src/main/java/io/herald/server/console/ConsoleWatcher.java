package io.herald.server.console;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open console: a bounded queue of feed entries and the socket they are written to. Taps on any
 * thread {@link #offer} (never waiting); the socket's event loop drains the queue while the socket is
 * writable, so a console that doesn't read holds at most {@code console-queue-size} entries plus the
 * socket's write buffer. What doesn't fit is counted and reported as one {@code skipped} entry.
 */
final class ConsoleWatcher {

    private final String appId;
    private final Channel socket;
    private final Queue<String> queue;
    /** Entries in {@link #queue}: Netty's queue rounds its capacity up to a power of two, this keeps it exact. */
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    ConsoleWatcher(String appId, Channel socket, int capacity) {
        this.appId = appId;
        this.socket = socket;
        this.capacity = capacity;
        this.queue = PlatformDependent.newFixedMpscQueue(capacity);
    }

    String appId() {
        return appId;
    }

    /** Queues one entry (JSON text), or counts it as skipped when the queue is full. Any thread. */
    void offer(String entry) {
        if (queued.incrementAndGet() > capacity || !queue.offer(entry)) {
            queued.decrementAndGet();
            skipped.incrementAndGet();
        }
        if (drainScheduled.compareAndSet(false, true)) {
            socket.eventLoop().execute(drain);
        }
    }

    /** Writes queued entries while the socket takes them; called on its event loop (also when it drains). */
    void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        while (socket.isActive() && socket.isWritable()) {
            int missed = skipped.getAndSet(0);
            String entry = missed > 0 ? FeedEntries.skipped(missed, "console too slow") : queue.poll();
            if (entry == null) {
                break;
            }
            if (missed == 0) {
                queued.decrementAndGet();
            }
            socket.write(new TextWebSocketFrame(entry), socket.voidPromise());
            wrote = true;
        }
        if (wrote) {
            socket.flush();
        }
    }

    /** Entries waiting (for tests and the skipped count's sake). */
    int queued() {
        return queued.get();
    }
}
