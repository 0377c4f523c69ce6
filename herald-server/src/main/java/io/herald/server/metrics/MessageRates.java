package io.herald.server.metrics;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Each app's messages per second on this node, measured between two reads of its counters at least
 * {@link #MIN_INTERVAL_NANOS} apart (a console asks every few seconds, a cluster node at each
 * heartbeat); nothing runs in between. Each reader keeps its own, so one's reads don't shorten
 * another's interval.
 */
public final class MessageRates {

    static final long MIN_INTERVAL_NANOS = 500_000_000L;

    /** Counters as read at {@code at} (nanoTime), with the rates measured up to then. */
    private record Sample(long at, MessageCounts counts) {
    }

    private final ConcurrentHashMap<String, Sample> last = new ConcurrentHashMap<>();

    /** The app's totals and its latest rates (zero at the first read of an app). */
    public MessageCounts read(AppMetrics metrics) {
        long now = System.nanoTime();
        long in = metrics.messagesIn();
        long out = metrics.messagesOut();
        return last.compute(metrics.appId(), (id, before) -> {
            if (before == null) {
                return new Sample(now, new MessageCounts(in, out, 0, 0));
            }
            long elapsed = now - before.at();
            if (elapsed < MIN_INTERVAL_NANOS) {
                return before;
            }
            double seconds = elapsed / 1e9;
            return new Sample(now, new MessageCounts(in, out,
                    (in - before.counts().in()) / seconds, (out - before.counts().out()) / seconds));
        }).counts();
    }
}
