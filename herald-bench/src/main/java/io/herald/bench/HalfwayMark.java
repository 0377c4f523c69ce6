package io.herald.bench;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Notes when a growing count first reaches a mark, sampling it every 50 ms on a daemon thread.
 * Rates measured from there on leave out the load generator's own warm-up (JVM start, JIT).
 */
final class HalfwayMark implements AutoCloseable {

    private final Thread thread;
    private volatile long reachedAt = -1;

    HalfwayMark(LongSupplier count, long mark) {
        thread = new Thread(() -> {
            try {
                while (count.getAsLong() < mark) {
                    Thread.sleep(50);
                }
                reachedAt = System.nanoTime();
            } catch (InterruptedException e) {
                // closed before the mark
            }
        }, "bench-halfway");
        thread.setDaemon(true);
        thread.start();
    }

    /** When the mark was reached ({@link System#nanoTime()}), if it was. */
    OptionalLong reachedAt() {
        long at = reachedAt;
        return at < 0 ? OptionalLong.empty() : OptionalLong.of(at);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
