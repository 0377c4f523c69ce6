package io.herald.server.admin;

import io.herald.server.metrics.AppMetrics;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each app's messages per second on this node, measured between two reads of its counters at least
 * {@link #MIN_INTERVAL_NANOS} apart (a console asks every few seconds); nothing runs in between.
 */
final class MessageRates {

    static final long MIN_INTERVAL_NANOS = 500_000_000L;

    /** Counters as read at {@code at}, and the rates measured up to then. */
    record Sample(long at, long in, long out, double inPerSecond, double outPerSecond) {
    }

    private final ConcurrentHashMap<String, Sample> last = new ConcurrentHashMap<>();

    /** The latest rates (zero at the first read of an app). */
    Sample read(AppMetrics metrics) {
        long now = System.nanoTime();
        long in = metrics.messagesIn();
        long out = metrics.messagesOut();
        return last.compute(metrics.appId(), (id, before) -> {
            if (before == null) {
                return new Sample(now, in, out, 0, 0);
            }
            long elapsed = now - before.at();
            if (elapsed < MIN_INTERVAL_NANOS) {
                return before;
            }
            double seconds = elapsed / 1e9;
            return new Sample(now, in, out, (in - before.in()) / seconds, (out - before.out()) / seconds);
        });
    }
}
