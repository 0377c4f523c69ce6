package io.herald.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * connections: opens and subscribes {@code connections} sockets over {@code channels} channels,
 * holds them, and reports the connect+subscribe rate and, given the server's pid, its resident
 * memory per connection. A server open-files limit below the target is detected up front and
 * reported; the connections it refuses are counted, not fatal.
 */
public final class ConnectionsScenario {

    /** @param hold how long to keep the connections open before measuring memory */
    public record Options(int connections, int channels, Duration hold) {
    }

    private ConnectionsScenario() {
    }

    @SuppressWarnings("try") // the Progress resource only prints while the block runs
    public static Report run(BenchSettings settings, Options o) throws InterruptedException {
        Report report = new Report("connections").parameter("connections", o.connections())
                .parameter("channels", o.channels()).parameter("hold_s", o.hold().toSeconds());
        long pid = settings.serverPid();
        OptionalLong before = pid > 0 ? ProcessMemory.rssKib(pid) : OptionalLong.empty();
        if (pid > 0) {
            FdLimit.checkServer(report, pid, o.connections());
        }
        FleetPlan plan = new FleetPlan(0, o.connections(), "bench-conn-", o.channels(), false, 0, settings.concurrency());
        try (Fleet fleet = Fleet.open(settings, plan, report)) {
            try (Progress p = Progress.start(settings.progress(), "hold",
                    () -> (fleet.total("established") - fleet.total("closed")) + " open")) {
                Thread.sleep(o.hold().toMillis());
            }
            long open = fleet.total("established") - fleet.total("closed");
            report.result("connections.open_after_hold", open);
            before.ifPresent(b -> report.result("server_rss.before_kib", b));
            OptionalLong after = pid > 0 ? ProcessMemory.rssKib(pid) : OptionalLong.empty();
            after.ifPresent(a -> report.result("server_rss.after_kib", a));
            if (before.isPresent() && after.isPresent() && open > 0) {
                report.result("server_rss.per_connection_kib", (after.getAsLong() - before.getAsLong()) / (double) open);
            }
            fleet.collect(report);
        }
        return report;
    }
}
