package io.herald.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * soak: holds {@code connections} for {@code seconds} under a steady mixed load and watches the
 * server's memory and open files. Half the connections listen on {@code channels} public channels
 * and never churn, so every event published to them must reach each of their subscribers: their
 * deliveries are counted against the events published, and any shortfall is reported as lost. The
 * other half are presence members ({@code membersPerChannel} to a channel) that churn: each second
 * {@code reconnectShare} of them reconnect and {@code rejoinShare} leave and rejoin. Events go out
 * at {@code rate} per second throughout. The server's RSS and open files are sampled every
 * {@code sampleEvery}; after {@code warmup} their spread must stay within {@code flatPercent}.
 */
public final class SoakScenario {

    /**
     * @param samplesFile where every sample of the server is written as CSV
     */
    public record Options(int connections, int channels, int membersPerChannel, double rate, int bytes,
                          double reconnectShare, double rejoinShare, Duration duration, Duration sampleEvery,
                          Duration warmup, double flatPercent, Path samplesFile) {
    }

    private static final int IN_FLIGHT = 4;

    private SoakScenario() {
    }

    @SuppressWarnings("try") // the Progress resource only prints while the block runs
    public static Report run(BenchSettings settings, Options o) throws InterruptedException {
        int listeners = o.connections() / 2;
        int members = o.connections() - listeners;
        int presenceChannels = Math.max(1, (members + o.membersPerChannel() - 1) / o.membersPerChannel());
        int events = (int) Math.round(o.rate() * o.duration().toSeconds());
        DeliveryScenario.Options delivery = new DeliveryScenario.Options("soak", listeners, o.channels(), events,
                o.bytes(), IN_FLIGHT, o.rate());
        Report report = new Report("soak").parameter("connections", o.connections())
                .parameter("listeners", listeners).parameter("channels", o.channels())
                .parameter("members", members).parameter("presence_channels", presenceChannels)
                .parameter("rate", o.rate() + "/s").parameter("bytes", o.bytes())
                .parameter("reconnect_per_s", o.reconnectShare()).parameter("rejoin_per_s", o.rejoinShare())
                .parameter("seconds", o.duration().toSeconds()).parameter("sample_every_s", o.sampleEvery().toSeconds())
                .parameter("warmup_s", o.warmup().toSeconds());
        if (settings.serverPid() > 0) {
            FdLimit.checkServer(report, settings.serverPid(), o.connections());
        } else {
            report.error("no --server-pid: the server's memory and open files were not sampled");
        }
        FleetPlan listening = new FleetPlan(0, listeners, "soak-", o.channels(), false, events, settings.concurrency());
        FleetPlan churning = new FleetPlan(0, members, "presence-soak-", presenceChannels, true, 0, settings.concurrency());
        Report membersReport = new Report("soak-members");
        try (Fleet steady = Fleet.open(settings, listening, report);
             Fleet churn = Fleet.open(settings, churning, membersReport)) {
            report.absorb("members.", membersReport);
            if (!steady.allSubscribed() || !churn.allSubscribed()) {
                return report.error("not every connection subscribed; the soak was not run");
            }
            CpuSample cpu = CpuSample.start(settings.serverPid());
            PublishResult published;
            try (ServerSampler sampler = ServerSampler.start(settings.serverPid(), o.sampleEvery());
                 HttpPublisher publisher = new HttpPublisher(settings.publishTo())) {
                churn.startSteadyChurn(o.reconnectShare(), o.rejoinShare());
                PublishPlan plan = new PublishPlan(events, o.bytes(), IN_FLIGHT, o.rate(),
                        seq -> FleetPlan.channelOf(listening.channelPrefix(), o.channels(), seq));
                try (Progress p = Progress.start(settings.progress(), "soak", progressLine(steady, churn, sampler))) {
                    published = publisher.publish(plan, settings.timeout().plus(o.duration()));
                }
                Report churnReport = new Report("soak-churn");
                var replies = churn.stopChurn(churnReport);
                report.absorb("members.", churnReport);
                report.result("members.reconnects", WorkerPool.sum(replies, "reconnects"));
                report.result("members.failed_reconnects", WorkerPool.sum(replies, "failedReconnects"));
                report.result("members.joins", WorkerPool.sum(replies, "joins"));
                report.result("members.leaves", WorkerPool.sum(replies, "leaves"));
                report.result("members.member_events_received", WorkerPool.sum(replies, "presenceEvents"));
                cpu.finish(report, "soak");
                sampler.summarize(report, o.warmup(), o.flatPercent());
                sampler.write(o.samplesFile());
            }
            long expected = DeliveryScenario.expected(delivery, published);
            steady.awaitDeliveries(expected);
            Deliveries deliveries = steady.collect(report);
            report.result("events.published", published.ok());
            DeliveryScenario.summarize(report, delivery, published, deliveries, expected);
        }
        return report;
    }

    private static Supplier<String> progressLine(Fleet steady, Fleet churn, ServerSampler sampler) {
        return () -> {
            ServerSampler.Sample s = sampler.latest();
            return steady.total("received") + " delivered, " + churn.total("reconnects") + " reconnects, "
                    + churn.total("joins") + " rejoins, " + (steady.total("errors") + churn.total("errors")) + " errors"
                    + (s == null ? "" : ", server " + s.rssKib() / 1024 + " MiB RSS, " + s.openFiles() + " files");
        };
    }
}
