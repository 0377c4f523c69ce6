package io.herald.bench;

import static io.herald.bench.Bench.count;
import static io.herald.bench.Bench.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every scenario at tiny scale against a real server: the counts in its report must be exact. */
class ScenarioTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fanoutBurstDeliversEveryEventToEverySubscriber() throws Exception {
        Report report = DeliveryScenario.run(Bench.settings(server),
                new DeliveryScenario.Options("fanout", 20, 1, 10, 100, 4, 0));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "connections.subscribed")).isEqualTo(20);
        assertThat(count(report, "deliveries.expected")).isEqualTo(200);
        assertThat(count(report, "deliveries.received")).isEqualTo(200);
        assertThat(count(report, "deliveries.lost")).isZero();
        assertThat(count(report, "deliveries.duplicate")).isZero();
        assertThat(count(report, "http.ok")).isEqualTo(10);
        assertThat(number(report, "latency.p50_ms")).isNotNegative();
        assertThat(number(report, "first_delivery.p50_ms")).isLessThanOrEqualTo(number(report, "last_delivery.p50_ms"));
        assertThat(number(report, "deliveries.per_s")).isPositive();
    }

    @Test
    void deliveriesRecordedOnSeveralEventLoopsAddUp() throws Exception {
        BenchSettings s = Bench.settings(server);
        BenchSettings threeLoops = new BenchSettings(s.target(), s.workers(), s.perWorker(), 3, s.localAddresses(),
                s.inProcess(), s.concurrency(), s.timeout(), s.drain(), s.progress(), s.serverPid());

        Report report = DeliveryScenario.run(threeLoops, new DeliveryScenario.Options("fanout", 7, 1, 6, 100, 2, 0));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "deliveries.received")).isEqualTo(42);
        assertThat(count(report, "deliveries.lost")).isZero();
        assertThat(count(report, "deliveries.duplicate")).isZero();
    }

    @Test
    void fanoutAtAFixedRateSpreadsEventsOverTime() throws Exception {
        Report report = DeliveryScenario.run(Bench.settings(server),
                new DeliveryScenario.Options("fanout", 5, 1, 10, 50, 2, 50));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "deliveries.received")).isEqualTo(50);
        // 10 events at 50/s: the last is due 180 ms after the start, a burst would take a few ms;
        // the first request leaves only once its connection is up, hence some slack
        assertThat(number(report, "http.seconds")).isGreaterThanOrEqualTo(0.15);
    }

    @Test
    void channelsDeliverEachEventToItsChannelOnly() throws Exception {
        Report report = DeliveryScenario.run(Bench.settings(server),
                new DeliveryScenario.Options("channels", 23, 5, 12, 100, 4, 0));

        assertThat(report.errors()).isEmpty();
        // channels 0-2 have 5 subscribers, 3-4 have 4; events 0..11 go to channel seq % 5
        assertThat(count(report, "deliveries.expected")).isEqualTo(3 * 5 + 3 * 5 + 2 * 5 + 2 * 4 + 2 * 4);
        assertThat(count(report, "deliveries.received")).isEqualTo(count(report, "deliveries.expected"));
        assertThat(count(report, "deliveries.lost")).isZero();
    }

    @Test
    void connectionsHoldsEverySubscribedConnectionAndMeasuresServerMemory() throws Exception {
        BenchSettings inThisJvm = withServerPid(Bench.settings(server), ProcessHandle.current().pid());

        Report report = ConnectionsScenario.run(inThisJvm, new ConnectionsScenario.Options(20, 3, Duration.ZERO));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "connections.subscribed")).isEqualTo(20);
        assertThat(count(report, "connections.open_after_hold")).isEqualTo(20);
        assertThat(number(report, "connect_subscribe.per_s")).isPositive();
        assertThat(count(report, "server_rss.after_kib")).isPositive();
        assertThat(report.get("server_rss.per_connection_kib")).isNotNull();
        assertThat(number(report, "cpu.connect.server_percent")).isNotNegative();
        assertThat(number(report, "cpu.connect.loadgen_percent")).isNotNegative();
    }

    @Test
    void publishCountsEverySignedRequest() throws Exception {
        Report report = PublishScenario.run(Bench.settings(server), new PublishScenario.Options(50, 100, 4, 0));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "http.ok")).isEqualTo(50);
        assertThat(count(report, "http.failed")).isZero();
        assertThat(number(report, "http.requests_per_s")).isPositive();
        assertThat(number(report, "http_latency.max_ms")).isPositive();
    }

    @Test
    void presenceChurnJoinsAndLeavesWithoutErrors() throws Exception {
        Report report = PresenceScenario.run(Bench.settings(server), new PresenceScenario.Options(20, 10, Duration.ofSeconds(1)));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "connections.subscribed")).isEqualTo(20);
        assertThat(count(report, "joins")).isPositive();
        assertThat(count(report, "leaves")).isGreaterThanOrEqualTo(count(report, "joins"));
        assertThat(count(report, "errors")).isZero();
        assertThat(count(report, "member_events.received")).isPositive();
    }

    @Test
    void soakLosesNothingWhileMembersReconnectAndRejoin(@TempDir Path dir) throws Exception {
        BenchSettings inThisJvm = withServerPid(Bench.settings(server), ProcessHandle.current().pid());
        Path samples = dir.resolve("samples.csv");

        // 20 listeners on 4 channels, 20 members; 60 events over 3 s; 4 reconnects and 6 rejoins a second
        Report report = SoakScenario.run(inThisJvm, new SoakScenario.Options(40, 4, 10, 20, 100, 0.2, 0.3,
                Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(1), 100, samples));

        assertThat(report.errors()).isEmpty();
        assertThat(count(report, "events.published")).isEqualTo(60);
        assertThat(count(report, "deliveries.expected")).isEqualTo(60 * 5);
        assertThat(count(report, "deliveries.received")).isEqualTo(60 * 5);
        assertThat(count(report, "deliveries.lost")).isZero();
        assertThat(count(report, "members.reconnects")).isGreaterThanOrEqualTo(4);
        assertThat(count(report, "members.failed_reconnects")).isZero();
        assertThat(count(report, "members.joins")).isGreaterThanOrEqualTo(6);
        assertThat(count(report, "members.member_events_received")).isPositive();
        assertThat(count(report, "samples.after_warmup")).isPositive();
        assertThat(count(report, "server_open_files.min_count")).isGreaterThanOrEqualTo(40);
        assertThat(Files.readAllLines(samples)).hasSizeGreaterThan(2).first().isEqualTo("seconds,rss_kib,open_files");
    }

    @Test
    void refusedConnectionsAreCountedAndReported() throws Exception {
        BenchTarget wrongKey = new BenchTarget("127.0.0.1", server.port(), "app-id", "no-such-key", "app-secret");

        Report report = ConnectionsScenario.run(BenchSettings.inProcess(wrongKey), new ConnectionsScenario.Options(3, 1, Duration.ZERO));

        assertThat(count(report, "connections.subscribed")).isZero();
        assertThat(count(report, "connections.failed")).isEqualTo(3);
        assertThat(count(report, "close_code.4001")).isEqualTo(3);
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("4001"));
    }

    private static BenchSettings withServerPid(BenchSettings s, long pid) {
        return new BenchSettings(s.target(), s.workers(), s.perWorker(), s.threads(), s.localAddresses(), s.inProcess(),
                s.concurrency(), s.timeout(), s.drain(), s.progress(), pid);
    }
}
