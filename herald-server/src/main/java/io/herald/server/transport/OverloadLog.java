package io.herald.server.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs refusals at a bound without flooding the log: a WARN at the first, then at most one line a
 * minute with how many were refused since the last line. Thread-safe.
 */
final class OverloadLog {

    private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String what;
    private final AtomicLong refusedTotal = new AtomicLong();
    private final AtomicLong refusedSinceLine = new AtomicLong();
    /** When the last line was logged; {@code Long.MIN_VALUE} before the first. */
    private final AtomicLong lastLine = new AtomicLong(Long.MIN_VALUE);

    /** @param what the refusal and its setting: "Refusing HTTP request bodies with 503 (request-buffer-limit …)" */
    OverloadLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** One refusal, with what the bound looked like when it happened. */
    void refused(String detail) {
        long total = refusedTotal.incrementAndGet();
        refusedSinceLine.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLine.get();
        if ((last == Long.MIN_VALUE || now - last >= INTERVAL_NANOS) && lastLine.compareAndSet(last, now)) {
            log.warn("{}: {}; {} refused since the last such line, {} in all", what, detail,
                    refusedSinceLine.getAndSet(0), total);
        }
    }

    /** Refusals since the server started. */
    long refusedTotal() {
        return refusedTotal.get();
    }
}
