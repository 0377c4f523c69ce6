package io.herald.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One app's counters on this node. The hot paths only add to {@link LongAdder}s (no lookup, no
 * allocation, no lock); Micrometer reads them when Prometheus scrapes ({@link NodeMetrics}). Fan-out
 * counts once per broadcast and event loop, not once per socket. Safe from any thread.
 */
public final class AppMetrics {

    final String appId;
    final LongAdder newConnections = new LongAdder();
    final LongAdder disconnections = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder bytesReceived = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder httpCalls = new LongAdder();
    final LongAdder httpBytesReceived = new LongAdder();
    final LongAdder httpBytesSent = new LongAdder();
    final LongAdder clientEvents = new LongAdder();
    final LongAdder apiRateLimited = new LongAdder();
    final LongAdder clientEventsRateLimited = new LongAdder();
    private final Timer apiLatency;
    private final Timer fanOut;

    AppMetrics(String appId, MeterRegistry registry) {
        this.appId = appId;
        this.apiLatency = histogram("herald.http.call.duration", "HTTP API calls, from whole request to answer", registry);
        this.fanOut = histogram("herald.fanout.duration",
                "from a broadcast on this node to its frame being written to an event loop's sockets", registry);
    }

    /** Counters that nothing reads: for code built without a node (tests, benchmarks). */
    public static AppMetrics detached(String appId) {
        return new AppMetrics(appId, new CompositeMeterRegistry());
    }

    private Timer histogram(String name, String description, MeterRegistry registry) {
        return Timer.builder(name)
                .description(description)
                .tag(NodeMetrics.APP_TAG, appId)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public String appId() {
        return appId;
    }

    /** WebSocket messages received from clients plus HTTP API calls, since the node started. */
    public long messagesIn() {
        return messagesReceived.sum() + httpCalls.sum();
    }

    /** WebSocket messages written to clients since the node started. */
    public long messagesOut() {
        return messagesSent.sum();
    }

    public void connected() {
        newConnections.increment();
    }

    public void disconnected() {
        disconnections.increment();
    }

    /** A WebSocket message from a client. */
    public void received(int bytes) {
        messagesReceived.increment();
        bytesReceived.add(bytes);
    }

    /** {@code messages} WebSocket messages of {@code bytes} each, written to sockets. */
    public void sent(int messages, int bytes) {
        messagesSent.add(messages);
        bytesSent.add((long) messages * bytes);
    }

    /**
     * One event loop's share of a broadcast: {@code sockets} writes of {@code bytes}, the last done
     * now, {@code publishedAt} ({@link System#nanoTime()}) when the broadcast began.
     */
    public void fannedOut(int sockets, int bytes, long publishedAt) {
        if (sockets > 0) {
            sent(sockets, bytes);
            fanOut.record(System.nanoTime() - publishedAt, TimeUnit.NANOSECONDS);
        }
    }

    /** One HTTP API call answered, {@code startedAt} its arrival ({@link System#nanoTime()}). */
    public void apiCall(int bytesReceived, int bytesSent, long startedAt) {
        httpCalls.increment();
        httpBytesReceived.add(bytesReceived);
        httpBytesSent.add(bytesSent);
        apiLatency.record(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
    }

    /** An HTTP API call refused with 429 (the app's {@code api-requests-per-second}). */
    public void apiRateLimited() {
        apiRateLimited.increment();
    }

    /** A client event relayed. */
    public void clientEvent() {
        clientEvents.increment();
    }

    /** A client event refused by {@code client-events-per-second}. */
    public void clientEventRateLimited() {
        clientEventsRateLimited.increment();
    }
}
