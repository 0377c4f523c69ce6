package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An app's connection quota counts its connections on every node. */
class RedisQuotaTest {

    @Test
    void theConnectionQuotaCountsConnectionsOnOtherNodes() {
        App limited = TestServer.APP.toBuilder().maxConnections(2).build();
        try (RedisServerProcess redis = RedisServerProcess.start();
             TestServer a = ClusterNodes.node(redis, o -> o.apps(List.of(limited)).nodeTimeout(Duration.ofSeconds(1)));
             TestServer b = ClusterNodes.node(redis, o -> o.apps(List.of(limited)).nodeTimeout(Duration.ofSeconds(1)));
             RecordingClient first = a.connect();
             RecordingClient second = b.connect()) {
            assertThat(first.socketId()).isNotNull();
            assertThat(second.socketId()).isNotNull();
            // Counts travel with the heartbeats: within one, a third connection anywhere is refused.
            Eventually.check(Duration.ofSeconds(5), () -> {
                try (RecordingClient third = a.connect()) {
                    assertThat(third.socketId()).as("third connection admitted").isNull();
                    assertThat(third.closeCode(RecordingClient.TIMEOUT)).isEqualTo(ErrorCode.OVER_CONNECTION_QUOTA.code());
                }
            });
            second.close();
            Eventually.check(Duration.ofSeconds(5), () -> {
                try (RecordingClient again = a.connect()) {
                    assertThat(again.socketId()).as("admitted once a connection left").isNotNull();
                }
            });
        }
    }
}
