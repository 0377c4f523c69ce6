package io.herald.bench;

import java.time.Duration;

/**
 * presence: {@code connections} users join presence channels of at most {@code membersPerChannel}
 * members; then each leaves and rejoins as fast as the server confirms, for {@code churn}.
 * Reports joins and leaves per second and every error.
 */
public final class PresenceScenario {

    /** @param churn how long the churn runs */
    public record Options(int connections, int membersPerChannel, Duration churn) {
    }

    private PresenceScenario() {
    }

    @SuppressWarnings("try") // the Progress resource only prints while the block runs
    public static Report run(BenchSettings settings, Options o) throws InterruptedException {
        int channels = Math.max(1, (o.connections() + o.membersPerChannel() - 1) / o.membersPerChannel());
        Report report = new Report("presence").parameter("connections", o.connections())
                .parameter("channels", channels).parameter("seconds", o.churn().toSeconds());
        FleetPlan plan = new FleetPlan(0, o.connections(), "presence-bench-", channels, true, 0, settings.concurrency());
        try (Fleet fleet = Fleet.open(settings, plan, report)) {
            if (!fleet.allSubscribed()) {
                return report.error("not every connection joined; no churn was run");
            }
            long start = System.nanoTime();
            CpuSample cpu = CpuSample.start(settings.serverPid());
            fleet.startChurn();
            try (Progress p = Progress.start(settings.progress(), "churn",
                    () -> fleet.total("joins") + " joins, " + fleet.total("leaves") + " leaves, "
                            + fleet.total("errors") + " errors")) {
                Thread.sleep(o.churn().toMillis());
            }
            var replies = fleet.stopChurn(report);
            cpu.finish(report, "churn");
            double seconds = (System.nanoTime() - start) / 1e9;
            long joins = WorkerPool.sum(replies, "joins");
            long leaves = WorkerPool.sum(replies, "leaves");
            report.result("joins", joins);
            report.result("leaves", leaves);
            report.result("churn.seconds", seconds);
            report.result("joins_leaves.per_s", (joins + leaves) / seconds);
            report.result("member_events.received", WorkerPool.sum(replies, "presenceEvents"));
        }
        return report;
    }
}
