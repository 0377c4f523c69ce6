package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import io.herald.server.webhook.WebhookDispatcher;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster's webhook queue lives in Redis: both nodes see the same depth, and it is capped at
 * {@code webhook-queue-capacity} per endpoint (new events beyond it are dropped and counted), so an
 * endpoint that stays down cannot grow Redis's memory without bound.
 */
class RedisWebhookQueueTest {

    @Test
    void theSharedQueueIsCappedAndBothNodesSeeItsDepth() throws Exception {
        WebhookEndpoint down = WebhookEndpoint.of("http://127.0.0.1:" + closedPort() + "/down", WebhookType.CHANNEL_OCCUPIED);
        App app = TestServer.APP.toBuilder().webhooks(List.of(down)).build();
        try (ClusterNodes.TwoNodes cluster = ClusterNodes.TwoNodes.start(o -> o.apps(List.of(app))
                .webhookQueueCapacity(3).webhookBatchWindow(Duration.ofMillis(20)).shutdownTimeout(Duration.ofSeconds(2)).adapterSetting("node-timeout", "3s"));
             RecordingClient client = cluster.a().connect()) {
            for (int i = 0; i < 8; i++) {
                client.subscribe("capped-" + i);
                client.assertSubscribed("capped-" + i);
            }
            Eventually.check(Duration.ofSeconds(5), () -> {
                assertThat(cluster.a().server().droppedWebhookEvents()).isEqualTo(5);
                // The depth each node reports comes from Redis: the same on the node that decided nothing.
                assertThat(cluster.b().server().webhookQueueDepths()).extracting(WebhookDispatcher.QueueDepth::events)
                        .containsExactly(3L);
                assertThat(cluster.a().server().webhookQueueDepths()).extracting(WebhookDispatcher.QueueDepth::events)
                        .containsExactly(3L);
            });
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again: connections to it are refused
        }
    }
}
