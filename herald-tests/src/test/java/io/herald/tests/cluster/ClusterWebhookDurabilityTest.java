package io.herald.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.server.app.App;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.ServerProcess;
import io.herald.testkit.TestServer;
import io.herald.tests.support.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhooks survive a node crash in cluster mode: node A decides webhooks while the endpoint is down,
 * holds one batch that the endpoint received but never answered, and is killed with SIGKILL. Node B
 * delivers all of them once the endpoint is back, in the order they were decided, and the batch the
 * endpoint already saw comes again with the same {@code X-Herald-Webhook-Id}.
 */
class ClusterWebhookDurabilityTest {

    private static final App APP = TestServer.APP;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void webhooksDecidedOnAKilledNodeAreDeliveredByAnotherOnceTheEndpointIsBack() throws Exception {
        Path config = Files.createTempFile("herald-durable", ".yml");
        try (RedisServerProcess redis = RedisServerProcess.start();
             WebhookReceiver hooks = WebhookReceiver.start(APP)) {
            Files.writeString(config, """
                    webhook-batch-window: 20ms
                    node-timeout: %ds
                    apps:
                      - id: app-id
                        key: app-key
                        secret: app-secret
                        webhooks:
                          - url: %s
                            events: [channel_occupied]
                    """.formatted(NODE_TIMEOUT.toSeconds(), hooks.url()));
            // A starts first, so A delivers this endpoint's webhooks until it dies.
            ServerProcess a = node(config, redis);
            try (ServerProcess b = node(config, redis)) {
                hooks.stallNext(1); // received, never answered: A cannot know it arrived
                List<String> channels = new ArrayList<>();
                try (RecordingClient onA = RecordingClient.connect(a.webSocketUrl(APP.key()))) {
                    for (int i = 0; i < 5; i++) {
                        channels.add("durable-" + i);
                        onA.subscribe(channels.get(i));
                        onA.assertSubscribed(channels.get(i));
                        if (i == 0) {
                            Eventually.check(Duration.ofSeconds(5), () -> assertThat(hooks.deliveries()).hasSize(1));
                        }
                    }
                    hooks.goDown(); // the unanswered request fails; A retries into refused connections
                    Thread.sleep(500);
                    a.kill();
                }
                String unanswered = hooks.deliveries().get(0).id();
                Thread.sleep(NODE_TIMEOUT.toMillis());
                hooks.comeBack();

                long backAt = System.nanoTime();
                List<String> delivered = new ArrayList<>();
                for (int i = 0; i < channels.size(); i++) {
                    delivered.add(hooks.nextEvent(Duration.ofSeconds(10)).channel());
                }
                assertThat(delivered).containsExactlyElementsOf(channels);
                System.out.printf("delivered by the survivor %d ms after the endpoint came back%n",
                        Duration.ofNanos(System.nanoTime() - backAt).toMillis());

                Map<String, String> bodiesById = new LinkedHashMap<>();
                for (WebhookReceiver.Delivery d : hooks.deliveries()) {
                    assertThat(d.id()).as("every request names its batch").matches("[0-9a-f]{32}");
                    String events = JSON.readTree(d.body()).get("events").toString();
                    String earlier = bodiesById.putIfAbsent(d.id(), events);
                    assertThat(earlier == null || earlier.equals(events)).as("one id, one set of events").isTrue();
                }
                List<WebhookReceiver.Delivery> sameBatch = hooks.deliveries().stream()
                        .filter(d -> d.id().equals(unanswered)).toList();
                assertThat(sameBatch).extracting(WebhookReceiver.Delivery::answeredWith).startsWith(0).endsWith(200);
                assertThat(channelsOf(sameBatch.get(0))).containsExactly("durable-0");
                hooks.assertNoEvent(Duration.ofMillis(500));
            } finally {
                a.kill();
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static ServerProcess node(Path config, RedisServerProcess redis) {
        return ServerProcess.start(List.of(), config, "--adapter", "redis", "--redis-url", redis.url(),
                "--redis-key-prefix", "durable:");
    }

    private static List<String> channelsOf(WebhookReceiver.Delivery delivery) throws IOException {
        List<String> channels = new ArrayList<>();
        for (JsonNode event : JSON.readTree(delivery.body()).get("events")) {
            channels.add(event.get("channel").asText());
        }
        return channels;
    }
}
