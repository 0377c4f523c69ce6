package io.herald.server.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded queue in this node's memory: fast, but what it holds is lost if the process dies.
 * Thread-safe.
 */
public final class LocalWebhookQueue implements WebhookQueue {

    /** Makes ids unique across processes, so a receiver never mistakes a new batch for a duplicate. */
    private static final String PROCESS = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ArrayBlockingQueue<QueuedWebhook> queue;
    private final AtomicInteger taken = new AtomicInteger();

    /** @param capacity most events waiting; beyond it {@link #add} drops */
    public LocalWebhookQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public CompletionStage<Boolean> add(String event) {
        String id = PROCESS + "-" + SEQUENCE.incrementAndGet();
        return CompletableFuture.completedFuture(queue.offer(new QueuedWebhook(id, System.currentTimeMillis(), event)));
    }

    @Override
    public CompletionStage<WebhookBatch> take(int max) {
        List<QueuedWebhook> events = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(events, max);
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        taken.set(events.size());
        return CompletableFuture.completedFuture(new WebhookBatch(events, false, () -> taken.set(0)));
    }

    @Override
    public long depth() {
        return queue.size() + taken.get();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void close() {
        // nothing here outlives the node
    }
}
