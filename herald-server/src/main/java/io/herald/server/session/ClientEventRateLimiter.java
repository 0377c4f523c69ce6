package io.herald.server.session;

/**
 * Allows at most {@code perSecond} client events in each one-second window. Used only on the
 * connection's event loop, so it needs no synchronisation.
 */
final class ClientEventRateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private long windowStart;
    private int used;

    ClientEventRateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.windowStart = System.nanoTime() - WINDOW_NANOS; // the first event opens a fresh window
    }

    boolean tryAcquire(long nowNanos) {
        if (nowNanos - windowStart >= WINDOW_NANOS) {
            windowStart = nowNanos;
            used = 0;
        }
        if (used >= perSecond) {
            return false;
        }
        used++;
        return true;
    }
}
