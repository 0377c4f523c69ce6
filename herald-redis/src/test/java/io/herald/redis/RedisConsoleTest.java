package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.ConsoleClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The debug console sees the whole cluster: entries made on node B reach a console on node A through Redis. */
class RedisConsoleTest {

    private static final String TOKEN = "console-token-for-tests-42";
    private static final String APP = TestServer.APP.id();

    @Test
    void activityOnOneNodeAppearsInAConsoleOnTheOther() {
        try (ClusterNodes.TwoNodes nodes = ClusterNodes.TwoNodes.start(b -> b.adminToken(TOKEN));
             ConsoleClient onA = ConsoleClient.watch(nodes.a().httpUrl(), TOKEN, APP)) {
            // B hears of the console through Redis: publish on B until the entry shows up on A
            Eventually.check(Duration.ofSeconds(10), () -> {
                nodes.b().api().post("/apps/" + APP + "/events", "{\"name\":\"from-b\",\"channel\":\"shared\",\"data\":\"{\\\"x\\\":1}\"}");
                JsonNode entry = onA.await(e -> e.path("event").asText().equals("from-b"), Duration.ofMillis(300));
                assertThat(entry.path("type").asText()).isEqualTo("api_event");
                assertThat(entry.path("data").asText()).isEqualTo("{\"x\":1}");
            });
            try (RecordingClient client = nodes.b().connect()) {
                client.subscribe("on-b");
                onA.await(e -> e.path("type").asText().equals("connection_opened")
                        && e.path("socket_id").asText().equals(client.socketId()));
                onA.await(e -> e.path("type").asText().equals("subscribed") && e.path("channel").asText().equals("on-b"));
            }
            assertThat(nodes.b().server().console().watchers()).isZero();
        }
    }

    @Test
    void nodesSendNothingToTheClusterWhileNoConsoleWatches() {
        try (ClusterNodes.TwoNodes nodes = ClusterNodes.TwoNodes.start(b -> b.adminToken(TOKEN))) {
            nodes.b().api().post("/apps/" + APP + "/events", "{\"name\":\"unwatched\",\"channel\":\"c\",\"data\":\"1\"}");
            assertThat(nodes.a().server().console().active()).isFalse();
            assertThat(nodes.b().server().console().active()).isFalse();
        }
    }
}
