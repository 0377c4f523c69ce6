package io.herald.push.delivery;

import io.herald.push.data.PublishExpansion;
import io.herald.push.data.PublishExpansion.Expanding;
import io.herald.server.log.ThrottledLog;
import io.herald.store.StoreClosedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's expansion of stored publishes into queued deliveries, on its own thread: a publish's
 * devices are queued in chunks, and the delivery worker is woken after each, so the first pushes
 * go out while the rest of a large audience is still being queued. Wakes at once when this node
 * stores a publish, and every {@code pollInterval} for other nodes' publishes and for expansions a
 * stopped node left half done (their lease has run out).
 */
final class Expander implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Expander.class);
    /** The first chunk is small so the first delivery starts soon; later ones amortise each transaction. */
    static final int FIRST_CHUNK = 64;
    static final int CHUNK = 2048;
    /**
     * A chunk renews the lease; it only keeps a second node from doing the same work twice (the cursor
     * check keeps it correct), so it is short: a stopped node's publish is taken up again soon.
     */
    static final long LEASE_MILLIS = 10_000;

    private final PublishExpansion expansion;
    private final Runnable onQueued;
    private final Duration pollInterval;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread = new Thread(this::run, "push-expand");
    private final ThrottledLog storeFailures = new ThrottledLog(log, "Push delivery: the push store failed");
    private volatile boolean running = true;

    Expander(PublishExpansion expansion, Runnable onQueued, Duration pollInterval) {
        this.expansion = expansion;
        this.onQueued = onQueued;
        this.pollInterval = pollInterval;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Look for publishes now: this node just stored one. */
    void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        while (running) {
            try {
                Expanding p = expansion.claim(LEASE_MILLIS);
                if (p == null) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    continue;
                }
                int chunk = FIRST_CHUNK;
                while (p != null && running) {
                    p = expansion.expandChunk(p, chunk, LEASE_MILLIS);
                    onQueued.run();
                    chunk = CHUNK;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreClosedException e) {
                log.debug("push delivery: the store is closed; stopping");
                return;
            } catch (RuntimeException e) {
                // The lease runs out and this node or another takes the publish up again.
                storeFailures.occurred("a publish could not be queued; trying again in " + pollInterval, e);
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Stops after the chunk in progress (it commits or rolls back whole). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
