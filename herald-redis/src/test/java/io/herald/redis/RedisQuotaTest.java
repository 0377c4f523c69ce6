package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.server.app.App;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An app's connection quota and API rate limit hold for the whole cluster. */
class RedisQuotaTest {

    @Test
    void theConnectionQuotaCountsConnectionsOnOtherNodes() {
        App limited = TestServer.APP.toBuilder().maxConnections(2).build();
        try (RedisServerProcess redis = RedisServerProcess.start();
             TestServer a = ClusterNodes.node(redis, o -> o.apps(List.of(limited)).adapterSetting("node-timeout", "1s"));
             TestServer b = ClusterNodes.node(redis, o -> o.apps(List.of(limited)).adapterSetting("node-timeout", "1s"));
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

    @Test
    void theApiRateLimitIsSharedByTheNodes() {
        App limited = TestServer.APP.toBuilder().apiRequestsPerSecond(4).build();
        try (RedisServerProcess redis = RedisServerProcess.start();
             TestServer a = ClusterNodes.node(redis, o -> o.apps(List.of(limited)).adapterSetting("node-timeout", "1s"));
             TestServer b = ClusterNodes.node(redis, o -> o.apps(List.of(limited)).adapterSetting("node-timeout", "1s"))) {
            // Each of the two nodes takes half of the 4 requests per second; the window opens with the
            // first request, so a burst finished within 900 ms lies in one window.
            Eventually.check(Duration.ofSeconds(10), () -> {
                long started = System.nanoTime();
                int accepted = 0;
                for (int i = 0; i < 6; i++) {
                    if (a.api().get("/apps/app-id/channels", Map.of()).status() == 200) {
                        accepted++;
                    }
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
                assertThat(accepted).isEqualTo(2);
            });
            // the other node still has its own half
            assertThat(b.api().get("/apps/app-id/channels", Map.of()).status()).isEqualTo(200);
        }
    }
}
