package io.herald.server.api;

import io.herald.server.app.App;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each app's HTTP API budget: at most {@link App#apiRequestsPerSecond()} requests in any one-second
 * window (fixed windows), beyond which requests are refused with 429. Requests arrive on several
 * event loops, so each app's window is guarded by its own lock, held for a few instructions.
 */
final class ApiRateLimits {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** Takes one request from the app's budget, or throws 429. */
    void acquire(App app) {
        int perSecond = app.apiRequestsPerSecond();
        if (perSecond == 0) {
            return;
        }
        Window window = windows.computeIfAbsent(app.id(), id -> new Window());
        if (!window.tryAcquire(perSecond, System.nanoTime())) {
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
