package io.herald.server.log;

import java.time.Duration;
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
    // Guarded by this: a line's cause and counts must be decided by the occurrence that writes it.
    private volatile long total;
    private long sinceLine;
    /** When the last line was logged; {@code Long.MIN_VALUE} before the first. */
    private long lastLine = Long.MIN_VALUE;
    /** When the latest occurrence happened; {@code Long.MIN_VALUE} before the first. */
    private long lastOccurrence = Long.MIN_VALUE;

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
        boolean runStarts;
        long since;
        long all;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            all = ++total;
            sinceLine++;
            runStarts = lastOccurrence == Long.MIN_VALUE || now - lastOccurrence >= intervalNanos;
            lastOccurrence = now;
            if (lastLine != Long.MIN_VALUE && now - lastLine < intervalNanos) {
                return; // a run's first occurrence is always due: the last line is older than the quiet interval
            }
            lastLine = now;
            since = sinceLine;
            sinceLine = 0;
        }
        LoggingEventBuilder line = log.atLevel(level);
        String causeInLine = "";
        if (cause != null && runStarts) {
            line = line.setCause(cause);
        } else if (cause != null) {
            causeInLine = " (" + cause + ")";
        }
        line.log("{}: {}{}; {} since the last such line, {} in all", what, detail, causeInLine, since, all);
    }

    /** Occurrences since the server started. */
    public long total() {
        return total;
    }
}
