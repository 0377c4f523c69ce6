package io.herald.push;

import io.herald.push.data.PublishStore;
import io.herald.store.StoreClosedException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished publishes once they are older than {@code push.publish-retention}, so the store
 * does not grow with every publish ever made. Runs on its own thread, a batch at a time; every node
 * may run it (deleting the same rows twice does nothing).
 */
final class PublishRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublishRetention.class);
    private static final int BATCH = 1000;
    private static final Duration LONGEST_INTERVAL = Duration.ofMinutes(10);

    private final PublishStore publishes;
    private final Duration retention;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "push-retention");
        t.setDaemon(true);
        return t;
    });

    PublishRetention(PublishStore publishes, Duration retention) {
        this.publishes = publishes;
        this.retention = retention;
    }

    /** Purges now and then every tenth of the retention, at most every ten minutes. */
    void start() {
        long every = Math.max(1_000, Math.min(retention.toMillis() / 10, LONGEST_INTERVAL.toMillis()));
        thread.scheduleWithFixedDelay(this::purge, 0, every, TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            long cutoff = System.currentTimeMillis() - retention.toMillis();
            int deleted = 0;
            int batch;
            do {
                batch = publishes.purgeFinished(cutoff, BATCH);
                deleted += batch;
            } while (batch == BATCH && !Thread.currentThread().isInterrupted());
            if (deleted > 0) {
                log.info("push: deleted {} finished publishes older than {}", deleted, retention);
            }
        } catch (StoreClosedException e) {
            log.debug("push: old publishes not deleted, the store is closed");
        } catch (RuntimeException e) {
            log.warn("push: old publishes could not be deleted; trying again later", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
