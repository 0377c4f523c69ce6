package io.herald.server.log;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A warning that can repeat as fast as requests arrive (a bound refusing them, a store that is down),
 * logged without flooding the log: at the first occurrence, then at most one line per interval with
 * how many occurred since the last line. Only a run's first line carries its cause's stack trace (a
 * run ends after an interval with no occurrence), so an outage that lasts hours writes one trace and
 * then a line per interval. Thread-safe.
 */
public final class ThrottledLog {

    /** The interval the server uses: a line a minute. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final Level level;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sinceLine = new AtomicLong();
    /** When the last line was logged; {@code Long.MIN_VALUE} before the first. */
    private final AtomicLong lastLine = new AtomicLong(Long.MIN_VALUE);
    /** When the one before the latest occurrence happened; {@code Long.MIN_VALUE} before the first. */
    private final AtomicLong lastOccurrence = new AtomicLong(Long.MIN_VALUE);

    /** @param what what keeps happening, e.g. "Refusing sockets with 429 (max-connections-per-ip 100)" */
    public ThrottledLog(Logger log, String what) {
        this(log, Level.WARN, what);
    }

    /** @param level WARN for what the server meets and handles, ERROR for what should never happen */
    public ThrottledLog(Logger log, Level level, String what) {
        this(log, level, what, DEFAULT_INTERVAL, System::nanoTime);
    }

    ThrottledLog(Logger log, Level level, String what, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.level = level;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** One occurrence, with what the bound or the failure looked like when it happened. */
    public void occurred(String detail) {
        occurred(detail, null);
    }

    /** One occurrence caused by {@code cause} (its stack trace goes into the first line of a run). */
    public void occurred(String detail, Throwable cause) {
        total.incrementAndGet(); // before sinceLine: a line never shows more since the last than in all
        sinceLine.incrementAndGet();
        long now = nanoClock.getAsLong();
        long previous = lastOccurrence.getAndSet(now);
        boolean runStarts = previous == Long.MIN_VALUE || now - previous >= intervalNanos;
        long last = lastLine.get();
        boolean due = last == Long.MIN_VALUE || now - last >= intervalNanos;
        if (!due || !lastLine.compareAndSet(last, now)) {
            return;
        }
        LoggingEventBuilder line = log.atLevel(level);
        String causeInLine = "";
        if (cause != null && runStarts) {
            line = line.setCause(cause);
        } else if (cause != null) {
            causeInLine = " (" + cause + ")";
        }
        long since = sinceLine.getAndSet(0);
        line.log("{}: {}{}; {} since the last such line, {} in all", what, detail, causeInLine, since, total.get());
    }

    /** Occurrences since the server started. */
    public long total() {
        return total.get();
    }
}
