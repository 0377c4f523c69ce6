package io.herald.bench;

import java.util.function.IntFunction;

/**
 * What to publish: {@code events} events of about {@code bytes} bytes of data, event {@code seq} on
 * channel {@code channelOf.apply(seq)}, as fast as {@code inFlight} concurrent requests allow
 * ({@code rate} 0), or at {@code rate} events per second.
 */
record PublishPlan(int events, int bytes, int inFlight, double rate, IntFunction<String> channelOf) {

    /** When event {@code seq} is due, in nanoseconds after the start; 0 for a burst. */
    long dueNanos(int seq) {
        return rate <= 0 ? 0 : (long) (seq * 1e9 / rate);
    }
}
