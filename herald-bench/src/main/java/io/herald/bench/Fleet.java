package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The phases every socket scenario shares: start workers, open and subscribe connections with
 * progress, wait for deliveries, collect what the workers saw. One per run; closes the workers.
 */
final class Fleet implements AutoCloseable {

    private final BenchSettings settings;
    private final WorkerPool pool;
    private final FleetPlan plan;

    private Fleet(BenchSettings settings, FleetPlan plan) throws InterruptedException {
        this.settings = settings;
        this.plan = plan;
        this.pool = WorkerPool.start(settings.workersFor(plan.count()), settings.inProcess());
    }

    /**
     * Opens and subscribes every connection of {@code plan}, adding the open figures to {@code report}.
     * Never throws for failed connections: they are counted and their errors reported.
     */
    @SuppressWarnings("try") // the Progress resource only prints while the block runs
    static Fleet open(BenchSettings settings, FleetPlan plan, Report report) throws InterruptedException {
        Fleet fleet = new Fleet(settings, plan);
        int localAddresses = settings.localAddressesFor(plan.count());
        report.parameter("workers", fleet.pool.size()).parameter("transport", Transport.name())
                .parameter("local_addresses", localAddresses);
        long start = System.nanoTime();
        CpuSample cpu = CpuSample.start(settings.serverPid());
        fleet.pool.open(settings.subscribeTo(), plan, localAddresses, settings.threads());
        List<JsonNode> opened;
        HalfwayMark halfway = new HalfwayMark(() -> fleet.pool.total("subscribed"), plan.count() / 2,
                settings.serverPid());
        try (Progress p = Progress.start(settings.progress(), "connect", () -> fleet.pool.total("subscribed")
                + "/" + plan.count() + " subscribed, " + fleet.pool.total("failed") + " failed")) {
            opened = fleet.pool.awaitAll("opened", settings.timeout());
        } catch (BenchException e) {
            fleet.close();
            throw e;
        } finally {
            halfway.close();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        cpu.finish(report, "connect");
        long subscribed = WorkerPool.sum(opened, "subscribed");
        report.result("connections.subscribed", subscribed);
        report.result("connections.failed", WorkerPool.sum(opened, "failed"));
        report.result("connect_subscribe.seconds", seconds);
        report.result("connect_subscribe.per_s", subscribed / seconds);
        halfway.reachedAt().ifPresent(at -> {
            if (end - at >= 500_000_000L && subscribed > plan.count() / 2) {
                // the second half only: worker JVMs are warm by then, so this is the sustained rate;
                // under half a second the mark's few milliseconds of lag and the CPU clock's ticks would show
                report.result("connect_subscribe.second_half_per_s", (subscribed - plan.count() / 2) / ((end - at) / 1e9));
                halfway.cpu().finish(report, "connect_second_half");
            }
        });
        errors(opened, report);
        return fleet;
    }

    boolean allSubscribed() {
        return pool.total("subscribed") == plan.count();
    }

    /**
     * Waits until the workers received {@code expected} deliveries, or received nothing new for
     * the drain time, or the phase timeout passed.
     */
    @SuppressWarnings("try") // the Progress resource only prints while the block runs
    void awaitDeliveries(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        long lastCount = -1;
        long lastChange = System.nanoTime();
        try (Progress p = Progress.start(settings.progress(), "deliver",
                () -> pool.total("received") + "/" + expected + " delivered")) {
            while (System.nanoTime() < deadline) {
                long received = pool.total("received");
                if (received >= expected) {
                    return;
                }
                if (received != lastCount) {
                    lastCount = received;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > settings.drain().toNanos()) {
                    return;
                }
                Thread.sleep(Worker.PROGRESS_MILLIS / 2);
            }
        }
    }

    /** Every worker's deliveries, merged; worker errors go to {@code report}. */
    Deliveries collect(Report report) throws InterruptedException {
        pool.sendAll("report");
        List<JsonNode> reports = pool.awaitAll("report", settings.timeout());
        Deliveries all = new Deliveries(plan.events());
        reports.forEach(r -> all.merge(Deliveries.fromJson(r.get("deliveries"))));
        counters(reports, report);
        return all;
    }

    /** Starts presence churn on every connection. */
    void startChurn() {
        pool.sendAll("churn");
    }

    /**
     * Starts steady churn: each second {@code reconnect} of the connections reconnect and {@code rejoin}
     * leave and rejoin their channel.
     */
    void startSteadyChurn(double reconnect, double rejoin) {
        pool.sendAll(WorkerPool.op("steadyChurn").put("reconnect", reconnect).put("rejoin", rejoin));
    }

    /** Stops churn; adds the final counters to {@code report}. */
    List<JsonNode> stopChurn(Report report) throws InterruptedException {
        pool.sendAll("stopChurn");
        List<JsonNode> replies = pool.awaitAll("churnStopped", settings.timeout());
        counters(replies, report);
        return replies;
    }

    /** The sum of a counter over the workers' latest progress. */
    long total(String counter) {
        return pool.total(counter);
    }

    private static void counters(List<JsonNode> replies, Report report) {
        report.result("connections.closed", WorkerPool.sum(replies, "closed"));
        report.result("errors", WorkerPool.sum(replies, "errors"));
        Map<String, Long> codes = new TreeMap<>();
        replies.forEach(r -> r.path("closeCodes").properties().forEach(
                e -> codes.merge("close_code." + e.getKey(), e.getValue().asLong(), Long::sum)));
        codes.forEach(report::result);
        errors(replies, report);
    }

    private static void errors(List<JsonNode> replies, Report report) {
        replies.forEach(r -> r.path("errorSamples").forEach(e -> {
            if (!report.errors().contains(e.asText())) {
                report.error(e.asText());
            }
        }));
    }

    @Override
    public void close() {
        pool.close();
    }
}
