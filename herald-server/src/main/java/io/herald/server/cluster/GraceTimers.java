package io.herald.server.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds one node's departures (vacancies, members who left) back for the webhook grace period. The
 * matching return (the channel occupied again, the user back) within it cancels both: a page reload
 * must not produce a vacated/occupied pair. Who wins a race between the timer and a return is decided by
 * one atomic {@code remove} on the pending map. Thread-safe.
 */
final class GraceTimers {

    private record Pending(Runnable action, ScheduledFuture<?>[] timer) {
    }

    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final Duration grace;

    GraceTimers(ScheduledExecutorService timers, Duration grace) {
        this.timers = timers;
        this.grace = grace;
    }

    /** Runs {@code action} after the grace period unless {@link #cancel} is called for {@code key} first. */
    void delay(String key, Runnable action) {
        Pending entry = new Pending(action, new ScheduledFuture<?>[1]);
        Pending previous = pending.put(key, entry);
        if (previous != null) {
            // A second departure while the first waits (can't happen for one key, but be safe): keep one.
            cancelTimer(previous);
        }
        synchronized (entry) {
            entry.timer[0] = timers.schedule(() -> {
                if (pending.remove(key, entry)) {
                    action.run();
                }
            }, grace.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Cancels the pending action for {@code key}; true when there was one (the return is a non-event). */
    boolean cancel(String key) {
        Pending entry = pending.remove(key);
        if (entry == null) {
            return false;
        }
        cancelTimer(entry);
        return true;
    }

    /** Runs every pending action now (shutdown: the departures are real). */
    void flush() {
        List<String> keys = new ArrayList<>(pending.keySet());
        for (String key : keys) {
            Pending entry = pending.remove(key);
            if (entry != null) {
                cancelTimer(entry);
                entry.action.run();
            }
        }
    }

    private static void cancelTimer(Pending entry) {
        synchronized (entry) {
            if (entry.timer[0] != null) {
                entry.timer[0].cancel(false);
            }
        }
    }
}
