package io.herald.bench;

import java.time.Duration;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * fanout and channels: {@code subscribers} connections spread over {@code channels} channels (one for
 * fanout), {@code events} events published through the HTTP API, spread round-robin over the
 * channels; every delivery is timed and counted per event.
 */
public final class DeliveryScenario {

    /**
     * @param rate events per second, or 0 for a burst with {@code inFlight} requests outstanding
     */
    public record Options(String name, int subscribers, int channels, int events, int bytes, int inFlight, double rate) {
    }

    private DeliveryScenario() {
    }

    @SuppressWarnings("try") // the Progress resource only prints while the block runs
    public static Report run(BenchSettings settings, Options o) throws InterruptedException {
        Report report = new Report(o.name())
                .parameter("subscribers", o.subscribers()).parameter("channels", o.channels())
                .parameter("events", o.events()).parameter("bytes", o.bytes())
                .parameter("in_flight", o.inFlight()).parameter("rate", o.rate() > 0 ? o.rate() + "/s" : "burst")
                .parameter("subscribe_to", String.join(",", settings.subscribeTo().stream().map(DeliveryScenario::hostPort).toList()))
                .parameter("publish_to", hostPort(settings.publishTo()));
        String prefix = o.channels() == 1 ? "bench-fanout" : "bench-channel-";
        FleetPlan plan = new FleetPlan(0, o.subscribers(), prefix, o.channels(), false, o.events(), settings.concurrency());
        try (Fleet fleet = Fleet.open(settings, plan, report)) {
            if (!fleet.allSubscribed()) {
                return report.error("not every connection subscribed; nothing was published");
            }
            CpuSample cpu = CpuSample.start(settings.serverPid());
            PublishResult published;
            try (HttpPublisher publisher = new HttpPublisher(settings.publishTo())) {
                PublishPlan publish = new PublishPlan(o.events(), o.bytes(), o.inFlight(), o.rate(),
                        seq -> FleetPlan.channelOf(prefix, o.channels(), seq));
                Duration bound = settings.timeout().plus(Duration.ofMillis((long) (o.rate() > 0 ? o.events() * 1000 / o.rate() : 0)));
                try (Progress p = Progress.start(settings.progress(), "publish",
                        () -> fleet.total("received") + " delivered")) {
                    published = publisher.publish(publish, bound);
                }
            }
            long expected = expected(o, published);
            fleet.awaitDeliveries(expected);
            cpu.finish(report, "deliver");
            Deliveries deliveries = fleet.collect(report);
            summarize(report, o, published, deliveries, expected);
        }
        return report;
    }

    /** Deliveries the events that were sent should make: each reaches every subscriber of its channel. */
    static long expected(Options o, PublishResult published) {
        long expected = 0;
        for (int seq = 0; seq < o.events(); seq++) {
            expected += expectedFor(o, seq, published);
        }
        return expected;
    }

    /** Subscribers of the channel of event {@code seq}, or 0 if the server refused the event. */
    private static long expectedFor(Options o, int seq, PublishResult published) {
        if (published.sentNanos()[seq] == 0) {
            return 0;
        }
        int channel = Math.floorMod(seq, o.channels());
        return o.subscribers() / o.channels() + (channel < o.subscribers() % o.channels() ? 1 : 0);
    }

    /** Delivery counts (expected, received, lost, duplicate), latencies and the HTTP figures of a run. */
    static void summarize(Report report, Options o, PublishResult published, Deliveries d, long expected) {
        Histogram firstDelivery = new ConcurrentHistogram(Deliveries.MAX_MICROS, 3);
        Histogram lastDelivery = new ConcurrentHistogram(Deliveries.MAX_MICROS, 3);
        long lost = 0;
        long duplicates = 0;
        long eventsIncomplete = 0;
        long firstSent = Long.MAX_VALUE;
        long lastReceived = Long.MIN_VALUE;
        for (int seq = 0; seq < o.events(); seq++) {
            long want = expectedFor(o, seq, published);
            long sent = published.sentNanos()[seq];
            int got = d.count(seq);
            lost += Math.max(0, want - got);
            duplicates += Math.max(0, got - want);
            eventsIncomplete += got < want ? 1 : 0;
            if (got > 0) {
                firstDelivery.recordValue(clip(d.first(seq) - sent));
                lastDelivery.recordValue(clip(d.last(seq) - sent));
                lastReceived = Math.max(lastReceived, d.last(seq));
            }
            if (sent != 0) {
                firstSent = Math.min(firstSent, sent);
            }
        }
        double seconds = lastReceived > firstSent ? (lastReceived - firstSent) / 1e9 : 0;
        report.result("deliveries.expected", expected);
        report.result("deliveries.received", d.total());
        report.result("deliveries.lost", lost);
        report.result("deliveries.duplicate", duplicates + d.unexpected());
        report.result("events.incomplete", eventsIncomplete);
        report.result("deliveries.seconds", seconds);
        report.result("deliveries.per_s", seconds > 0 ? d.total() / seconds : 0.0);
        report.latency("latency", d.latency());
        report.latency("first_delivery", firstDelivery);
        report.latency("last_delivery", lastDelivery);
        PublishScenario.summarize(report, published);
        if (lost > 0) {
            report.error(lost + " deliveries never arrived (" + eventsIncomplete + " events incomplete)");
        }
    }

    private static String hostPort(BenchTarget node) {
        return node.host() + ":" + node.port();
    }

    private static long clip(long nanos) {
        return Math.min(Deliveries.MAX_MICROS, Math.max(0, nanos / 1000));
    }
}
