package io.herald.bench;

/**
 * publish: signed {@code POST /events} requests to a channel nobody subscribes to, so the figure
 * is the HTTP path alone: parsing, signature check, validation and an empty fan-out.
 */
public final class PublishScenario {

    /** @param rate requests per second, or 0 for a burst with {@code inFlight} requests outstanding */
    public record Options(int requests, int bytes, int inFlight, double rate) {
    }

    private PublishScenario() {
    }

    public static Report run(BenchSettings settings, Options o) throws InterruptedException {
        Report report = new Report("publish").parameter("requests", o.requests()).parameter("bytes", o.bytes())
                .parameter("in_flight", o.inFlight()).parameter("rate", o.rate() > 0 ? o.rate() + "/s" : "burst")
                .parameter("transport", Transport.name());
        try (HttpPublisher publisher = new HttpPublisher(settings.publishTo())) {
            CpuSample cpu = CpuSample.start(settings.serverPid());
            PublishResult result = publisher.publish(
                    new PublishPlan(o.requests(), o.bytes(), o.inFlight(), o.rate(), seq -> "bench-empty"),
                    settings.timeout());
            cpu.finish(report, "publish");
            summarize(report, result);
        }
        return report;
    }

    /** The HTTP figures of a publish phase. */
    static void summarize(Report report, PublishResult r) {
        double seconds = r.elapsedNanos() / 1e9;
        report.result("http.ok", r.ok());
        report.result("http.failed", r.failed());
        r.statuses().forEach((status, n) -> {
            if (status != 200) {
                report.result("http.status." + (status < 0 ? "none" : status), n);
            }
        });
        report.result("http.seconds", seconds);
        report.result("http.requests_per_s", seconds > 0 ? r.ok() / seconds : 0.0);
        report.latency("http_latency", r.latency());
        r.errorSamples().forEach(report::error);
    }
}
