package io.herald.bench;

import static io.herald.bench.Bench.count;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The load generator's own frame reader against a server that splits, batches and fragments its
 * frames and pings: every delivery is still counted once, and the one it withholds counts as lost.
 */
class ServerFrameDecoderTest {

    @Test
    void everyFrameShapeIsReadAndAWithheldDeliveryCountsAsLost() throws Exception {
        try (RawFrameServer server = new RawFrameServer()) {
            BenchTarget target = new BenchTarget("127.0.0.1", server.port(), "app-id", "app-key", "app-secret");

            Report report = DeliveryScenario.run(BenchSettings.inProcess(target),
                    new DeliveryScenario.Options("fanout", 5, 1, 8, 300, 2, 0));

            assertThat(count(report, "connections.subscribed")).isEqualTo(5);
            assertThat(count(report, "deliveries.expected")).isEqualTo(40);
            assertThat(count(report, "deliveries.received")).isEqualTo(39);
            assertThat(count(report, "deliveries.lost")).isEqualTo(1);
            assertThat(count(report, "events.incomplete")).isEqualTo(1);
            assertThat(count(report, "deliveries.duplicate")).isZero();
            assertThat(report.errors()).containsExactly("1 deliveries never arrived (1 events incomplete)");
            // events 2 and 6 carried a WebSocket ping to all 5; events 1 (to 4) and 5 a pusher:ping
            assertThat(server.pongs()).isEqualTo(10);
            assertThat(server.pusherPongs()).isEqualTo(9);
        }
    }
}
