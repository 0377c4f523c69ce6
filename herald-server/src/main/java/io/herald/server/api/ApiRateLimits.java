package io.herald.server.api;

import io.herald.server.app.App;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Each app's HTTP API budget: at most {@link App#apiRequestsPerSecond()} requests in any one-second
 * window (fixed windows), beyond which requests are refused with 429. Requests arrive on several
 * event loops, so each app's window is guarded by its own lock, held for a few instructions. In a
 * cluster each node takes an equal share of the budget (rounded up), so the balancer's spread keeps
 * the app near its limit without a round trip to the cluster per request.
 */
final class ApiRateLimits {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final IntSupplier nodes;

    /** @param nodes how many nodes share each app's budget (1 for a single node) */
    ApiRateLimits(IntSupplier nodes) {
        this.nodes = nodes;
    }

    /** Takes one request from the app's budget, or throws 429. */
    void acquire(App app) {
        int perSecond = app.apiRequestsPerSecond();
        if (perSecond == 0) {
            return;
        }
        int share = Math.max(1, nodes.getAsInt());
        int budget = (perSecond + share - 1) / share;
        Window window = windows.computeIfAbsent(app.id(), id -> new Window());
        if (!window.tryAcquire(budget, System.nanoTime())) {
            throw ApiException.tooManyRequests("App " + app.id() + " is over its limit of " + perSecond
                    + " API requests per second");
        }
    }

    private static final class Window {
        private long start = System.nanoTime() - WINDOW_NANOS;
        private int used;

        synchronized boolean tryAcquire(int perSecond, long now) {
            if (now - start >= WINDOW_NANOS) {
                start = now;
                used = 0;
            }
            if (used >= perSecond) {
                return false;
            }
            used++;
            return true;
        }
    }
}
