package io.herald.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The publisher's side of a run.
 *
 * @param sentNanos when each event was published ({@link System#nanoTime()}), 0 if never
 * @param latency HTTP request→response time of every answered request, microseconds
 * @param elapsedNanos from the first request to the last response
 * @param statuses how many responses had each HTTP status; -1 counts requests that got none
 */
record PublishResult(long[] sentNanos, Histogram latency, long elapsedNanos, Map<Integer, Long> statuses,
                     List<String> errorSamples) {

    long ok() {
        return statuses.getOrDefault(200, 0L);
    }

    long failed() {
        return statuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToLong(Map.Entry::getValue).sum();
    }
}
