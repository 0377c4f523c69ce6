package io.herald.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * push: N devices on one interest, registered through the Beams device API with subscriptions whose
 * endpoints are a local {@link PushSink}; then one publish to the interest, timed from the request to
 * the first and to the last encrypted Web Push request at the sink. With {@code --server-pid}, the
 * server's CPU time per delivery.
 */
public final class PushScenario {

    /**
     * @param inFlight device registrations under way at once
     * @param keyPool distinct subscription key pairs, used in turn
     * @param sinkThreads event loops of the sink
     * @param sinkHost the address the sink listens on and the subscriptions' endpoints name
     */
    public record Options(int devices, String instanceId, String secretKey, int inFlight, int keyPool,
                          int sinkThreads, String sinkHost) {
    }

    private PushScenario() {
    }

    public static Report run(BenchSettings settings, Options o) throws InterruptedException {
        String interest = "bench-" + UUID.randomUUID();
        Report report = new Report("push").parameter("devices", o.devices()).parameter("instance", o.instanceId())
                .parameter("interest", interest).parameter("in_flight", o.inFlight()).parameter("key_pool", o.keyPool())
                .parameter("sink_threads", o.sinkThreads());
        BeamsApi api = new BeamsApi(settings.publishTo(), o.instanceId(), o.secretKey());
        try (PushSink sink = PushSink.start(o.devices(), o.sinkThreads(), o.sinkHost())) {
            if (register(settings, o, api, sink, interest, report)) {
                sink.warmUp(2_000, 16);
                deliver(settings, o, api, sink, interest, report);
            }
        }
        return report;
    }

    /** Registers every device; false (and errors in the report) when some could not be. */
    private static boolean register(BenchSettings settings, Options o, BeamsApi api, PushSink sink, String interest,
                                    Report report) throws InterruptedException {
        PushSubscriptions subscriptions = PushSubscriptions.pool(o.keyPool());
        Semaphore inFlight = new Semaphore(o.inFlight());
        CountDownLatch done = new CountDownLatch(o.devices());
        LongAdder failed = new LongAdder();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (Progress progress = Progress.start(settings.progress(), "register",
                () -> (o.devices() - done.getCount()) + "/" + o.devices() + " devices")) {
            for (int i = 0; i < o.devices(); i++) {
                if (!inFlight.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    report.error("registration stalled: no answer within " + settings.timeout().toSeconds() + " s");
                    return false;
                }
                api.registerDevice(subscriptions.beamsToken(i, sink.endpoint(i)), interest).whenComplete((id, error) -> {
                    if (error != null) {
                        failed.increment();
                        if (errors.size() < 10) {
                            errors.add(error.getCause() != null ? error.getCause().toString() : error.toString());
                        }
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            if (!done.await(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                report.error("registration did not finish within " + settings.timeout().toSeconds() + " s");
                return false;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.result("register.seconds", seconds);
        report.result("register.devices_per_s", o.devices() / seconds);
        report.result("register.failed", failed.sum());
        errors.forEach(report::error);
        return failed.sum() == 0;
    }

    /** One publish, then waits until every device has a push or deliveries stall for --drain. */
    private static void deliver(BenchSettings settings, Options o, BeamsApi api, PushSink sink, String interest,
                                Report report) throws InterruptedException {
        long serverTicks = settings.serverPid() > 0 ? CpuSample.ticks(settings.serverPid()) : 0;
        CpuSample cpu = CpuSample.start(settings.serverPid());
        long published = System.nanoTime();
        try {
            HttpResponse<String> answer = api.publish(interest, "bench " + interest);
            report.result("publish.http_ms", (System.nanoTime() - published) / 1e6);
            report.result("publish.status", answer.statusCode());
            if (answer.statusCode() != 200) {
                report.error("publish answered " + answer.statusCode() + " " + answer.body());
                return;
            }
        } catch (IOException e) {
            report.error("publish: " + e);
            return;
        }
        awaitDeliveries(settings, o.devices(), sink, published);
        cpu.finish(report, "deliver");

        long delivered = sink.accepted();
        report.result("deliveries", delivered);
        report.result("deliveries.missing", sink.missing());
        report.result("deliveries.duplicates", sink.duplicates());
        report.result("deliveries.refused_by_sink", sink.refused());
        if (sink.firstNanos() > 0) {
            double all = (sink.lastNanos() - published) / 1e9;
            report.result("first_delivery_ms", (sink.firstNanos() - published) / 1e6);
            report.result(sink.missing() == 0 ? "all_delivered_s" : "last_delivery_s", all);
            report.result("deliveries_per_s", delivered / all);
            report.result("push_body_bytes_avg", sink.bytes() / (double) delivered);
        }
        if (settings.serverPid() > 0 && delivered > 0) {
            double cpuSeconds = (CpuSample.ticks(settings.serverPid()) - serverTicks) / 100.0;
            report.result("server_cpu_us_per_delivery", cpuSeconds * 1e6 / delivered);
        }
        if (sink.missing() > 0) {
            report.error(sink.missing() + " of " + o.devices() + " devices received nothing");
        }
        if (sink.duplicates() > 0) {
            report.error(sink.duplicates() + " duplicate deliveries");
        }
        sink.errors().forEach(report::error);
    }

    private static void awaitDeliveries(BenchSettings settings, int devices, PushSink sink, long published)
            throws InterruptedException {
        long deadline = published + settings.timeout().toNanos();
        long lastCount = -1;
        long lastChange = System.nanoTime();
        try (Progress progress = Progress.start(settings.progress(), "deliver",
                () -> sink.accepted() + "/" + devices + " pushes at the sink")) {
            while (sink.accepted() < devices && System.nanoTime() < deadline) {
                long count = sink.accepted() + sink.refused();
                if (count != lastCount) {
                    lastCount = count;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > settings.drain().toNanos()) {
                    return; // stalled: what is missing now counts as missing
                }
                Thread.sleep(5);
            }
        }
    }
}
