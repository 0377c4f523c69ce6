package io.herald.push.delivery;

import io.herald.push.data.ClaimedDelivery;
import io.herald.push.data.DeliveryQueue;
import io.herald.push.data.Outcome;
import io.herald.push.data.Publication;
import io.herald.server.log.ThrottledLog;
import io.herald.store.StoreClosedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's share of the delivery queue. Its own thread waits until half its sending slots
 * ({@code deliveryConcurrency}) are free, claims as many due deliveries (at most {@code claimBatchSize}), sends
 * them, and records each batch's outcomes in one transaction on a second thread. It wakes at once
 * when this node queues a publish, and every {@code pollInterval} for other nodes' publishes.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Publishes whose payload is remembered; a big publish is read from the store once, not per device. */
    private static final int PUBLICATION_CACHE = 256;

    private final DeliveryQueue queue;
    private final WebPushSender sender;
    private final int batchSize;
    private final Duration pollInterval;
    private final long leaseMillis;
    private final int concurrency;
    private final Semaphore slots;
    /**
     * Free slots the claimer waits for: claiming as soon as one send ended made claims (and their
     * settles) of a row or two, each its own transaction and, on H2, its own write to the file.
     */
    private final int refill;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService settler = Executors.newSingleThreadExecutor(r -> daemon(r, "push-settle"));
    private final Map<String, Publication> publications = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Publication> eldest) {
                    return size() > PUBLICATION_CACHE;
                }
            });
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread claimer;
    private final ThrottledLog storeFailures = new ThrottledLog(log, "Push delivery: the push store failed");
    private volatile boolean running = true;

    DeliveryWorker(DeliveryQueue queue, WebPushSender sender, int concurrency, int batchSize, Duration pollInterval,
                   Duration requestTimeout) {
        this.queue = queue;
        this.sender = sender;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.batchSize = batchSize;
        this.refill = Math.max(1, Math.min(batchSize, concurrency / 2));
        this.pollInterval = pollInterval;
        // Claimed rows are sent at once (there is a slot for each), so a batch settles within about
        // one request timeout; the lease leaves room for that twice over before another node may retry.
        this.leaseMillis = requestTimeout.toMillis() * 2 + 30_000;
        this.claimer = new Thread(this::run, "push-delivery");
        claimer.setDaemon(true);
    }

    void start() {
        claimer.start();
    }

    /** Look at the queue now: this node just queued deliveries. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        while (running) {
            try {
                slots.acquire(refill);
                int free = refill + slots.drainPermits();
                int wanted = Math.min(free, batchSize);
                slots.release(free - wanted);
                List<ClaimedDelivery> batch = claim(wanted);
                slots.release(wanted - batch.size());
                if (batch.isEmpty()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    continue;
                }
                dispatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreClosedException e) {
                log.debug("push delivery: the store is closed; stopping");
                return;
            } catch (RuntimeException e) {
                storeFailures.occurred("the queue could not be read; trying again in " + pollInterval, e);
                sleepQuietly();
            }
        }
    }

    private List<ClaimedDelivery> claim(int wanted) {
        try {
            return queue.claim(wanted, leaseMillis);
        } catch (RuntimeException e) {
            slots.release(wanted);
            throw e;
        }
    }

    /** Sends a claimed batch; each send frees its slot when it ends, the batch settles when all have. */
    private void dispatch(List<ClaimedDelivery> batch) {
        Map<ClaimedDelivery, CompletableFuture<Outcome>> sends = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.put(batch.get(i), send(batch.get(i)));
            } catch (RuntimeException e) {
                // The publish could not be read: the rest stay claimed until their lease runs out.
                slots.release(batch.size() - i);
                storeFailures.occurred((batch.size() - i) + " deliveries left for later, their publish could not be read", e);
                break;
            }
        }
        if (sends.isEmpty()) {
            return;
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new));
        CompletableFuture<Void> settled = all.thenRunAsync(() -> settle(sends), settler);
        inFlight.add(settled);
        settled.whenComplete((v, e) -> inFlight.remove(settled));
    }

    private CompletableFuture<Outcome> send(ClaimedDelivery d) {
        CompletableFuture<Outcome> outcome;
        if (d.device() == null) {
            outcome = CompletableFuture.completedFuture(Outcome.gone("the device was deleted"));
        } else {
            Publication publication = publication(d);
            outcome = publication == null
                    ? CompletableFuture.completedFuture(Outcome.failed("the publish is gone"))
                    : sender.send(d, publication);
        }
        return outcome.whenComplete((o, e) -> slots.release());
    }

    private Publication publication(ClaimedDelivery d) {
        String key = d.instanceId() + "/" + d.publishId();
        Publication cached = publications.get(key);
        if (cached == null) {
            cached = queue.publication(d.instanceId(), d.publishId());
            if (cached != null) {
                publications.put(key, cached);
            }
        }
        return cached;
    }

    private void settle(Map<ClaimedDelivery, CompletableFuture<Outcome>> sends) {
        Map<ClaimedDelivery, Outcome> outcomes = new LinkedHashMap<>();
        sends.forEach((d, f) -> outcomes.put(d, f.join()));
        outcomes.forEach((d, o) -> {
            if (o.kind() != Outcome.Kind.SENT) {
                log.debug("push {} to device {}: {} ({})", d.publishId(), d.deviceId(), o.kind(), o.error());
            }
        });
        try {
            queue.settle(outcomes);
        } catch (StoreClosedException e) {
            log.debug("push delivery: outcomes of {} deliveries not recorded, the store is closed", outcomes.size());
        } catch (RuntimeException e) {
            // Left claimed: after the lease these deliveries are tried again.
            storeFailures.occurred("outcomes of " + outcomes.size() + " deliveries could not be recorded", e);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops claiming, then waits up to {@code grace} for sends in flight to finish and be recorded. */
    public void close(Duration grace) {
        running = false;
        claimer.interrupt();
        try {
            claimer.join(grace.toMillis());
            long deadline = System.nanoTime() + grace.toNanos();
            // Every slot back means every send ended; then the settler has its last batches queued.
            if (slots.tryAcquire(concurrency, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                slots.release(concurrency);
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("push delivery: stopped with sends still in flight; they are retried after their lease");
        }
        settler.shutdown();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
