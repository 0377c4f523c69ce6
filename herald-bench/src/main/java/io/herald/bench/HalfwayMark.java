package io.herald.bench;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Notes when a growing count first reaches a mark, sampling it every 5 ms on a daemon thread, and
 * starts a CPU sample there. Rates and CPU measured from there on leave out the load generator's own
 * warm-up (JVM start, class loading, JIT). Workers send their counters the moment half their
 * connections settled, so the count is current at the mark, not up to a progress period old.
 */
final class HalfwayMark implements AutoCloseable {

    private final Thread thread;
    private volatile long reachedAt = -1;
    private volatile CpuSample cpu;

    /** @param serverPid the server's pid for the CPU sample, or 0 */
    HalfwayMark(LongSupplier count, long mark, long serverPid) {
        thread = new Thread(() -> {
            try {
                while (count.getAsLong() < mark) {
                    Thread.sleep(5);
                }
                cpu = CpuSample.start(serverPid);
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

    /** The CPU used from the mark on; present once {@link #reachedAt()} is. */
    CpuSample cpu() {
        return cpu;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
