package io.herald.bench;

import static io.herald.bench.Bench.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

/** Workers as real child processes, talking JSON lines over stdin/stdout. */
class WorkerProcessTest {

    @Test
    void fanoutOverTwoWorkerProcessesCountsEveryDelivery() throws Exception {
        try (TestServer server = TestServer.start()) {
            BenchSettings s = Bench.settings(server);
            BenchSettings twoProcesses = new BenchSettings(s.target(), 2, s.perWorker(), 1, 1, false, s.concurrency(),
                    s.timeout(), s.drain(), null, 0);

            Report report = DeliveryScenario.run(twoProcesses, new DeliveryScenario.Options("fanout", 11, 1, 6, 64, 2, 0));

            assertThat(report.errors()).isEmpty();
            assertThat(count(report, "connections.subscribed")).isEqualTo(11);
            assertThat(count(report, "deliveries.received")).isEqualTo(66);
            assertThat(count(report, "deliveries.lost")).isZero();
        }
    }
}
