package io.herald.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vacancies and member departures this node decided, each waiting out the webhook grace period
 * before it is reported. The grace is cluster-wide: a return decided on any node deletes the
 * departure's key in Redis, and when the grace ends here the departure is reported only if its key
 * still holds this node's token ({@link ClusterState#departureFinal}). Thread-safe.
 */
final class HeldDepartures {

    private static final Logger log = LoggerFactory.getLogger(HeldDepartures.class);

    private record Held(String appId, String channel, String userId, String token, Runnable report) {
    }

    private final ClusterState state;
    private final ScheduledExecutorService timers;
    private final Duration grace;
    private final String nodeId;
    private final AtomicLong sequence = new AtomicLong();
    /** By a sequence number, so a shutdown releases them in the order they were decided. */
    private final ConcurrentSkipListMap<Long, Held> held = new ConcurrentSkipListMap<>();

    HeldDepartures(ClusterState state, ScheduledExecutorService timers, Duration grace, String nodeId) {
        this.state = state;
        this.timers = timers;
        this.grace = grace;
        this.nodeId = nodeId;
    }

    /** A token unique in the cluster, naming the departures one leave may decide. */
    String newToken() {
        return nodeId + ":" + sequence.incrementAndGet();
    }

    /**
     * Reports a departure recorded under {@code token} when the grace ends, unless a return cancelled it.
     * {@code userId} is null for a vacancy.
     */
    void hold(String appId, String channel, String userId, String token, Runnable report) {
        long key = sequence.incrementAndGet();
        held.put(key, new Held(appId, channel, userId, token, report));
        timers.schedule(() -> settle(key), grace.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Settles every held departure now and waits for it at most {@code wait} (shutdown: they are real). */
    void releaseAll(Duration wait) {
        List<CompletableFuture<Void>> settling = new ArrayList<>();
        for (Long key : List.copyOf(held.keySet())) {
            settling.add(settle(key));
        }
        try {
            CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Could not settle every held departure: {}", e.toString());
        }
    }

    /** Claims the departure if nothing returned meanwhile; the one {@code remove} makes it run once. */
    private CompletableFuture<Void> settle(long key) {
        Held departure = held.remove(key);
        if (departure == null) {
            return CompletableFuture.completedFuture(null);
        }
        return state.departureFinal(departure.appId(), departure.channel(), departure.userId(), departure.token())
                .handle((fin, failure) -> {
                    // Redis unreachable: better a vacated/occupied pair than a departure never reported.
                    if (failure != null || fin) {
                        departure.report().run();
                    }
                    return null;
                });
    }
}
