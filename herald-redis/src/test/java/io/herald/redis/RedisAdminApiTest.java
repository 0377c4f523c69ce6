package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin API answers for the whole cluster: what node B receives and sends shows in node A's stats,
 * and B's connections in A's connection list.
 */
class RedisAdminApiTest {

    private static final String TOKEN = "admin-token-for-tests-0123";
    private static final String APP = TestServer.APP.id();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void messagesAndConnectionsOnOneNodeAreCountedByTheOther() {
        // node-timeout 900 ms: a heartbeat, which carries each node's figures, every 300 ms
        try (ClusterNodes.TwoNodes nodes = ClusterNodes.TwoNodes.start(o -> o.adminToken(TOKEN).adapterSetting("node-timeout", "900ms"));
             RecordingClient onB = nodes.b().connect()) {
            onB.subscribe("busy");
            onB.assertSubscribed("busy");
            // A has no subscriber and is sent nothing: every message in its answer is B's.
            Eventually.check(Duration.ofSeconds(10), () -> {
                assertThat(nodes.b().api().post("/apps/" + APP + "/events",
                        "{\"name\":\"tick\",\"channel\":\"busy\",\"data\":\"1\"}").status()).isEqualTo(200);
                JsonNode stats = admin(nodes.a(), "/stats");
                assertThat(stats.path("scope").path("messages").asText()).isEqualTo("cluster");
                assertThat(stats.path("connections").asInt()).isEqualTo(1);
                assertThat(stats.path("connections_this_node").asInt()).isZero();
                assertThat(stats.path("messages_in_total").asLong()).isGreaterThanOrEqualTo(10);
                assertThat(stats.path("messages_out_total").asLong()).isGreaterThanOrEqualTo(10);
                assertThat(stats.path("messages_in_per_second").asDouble()).isPositive();
                assertThat(stats.path("messages_out_per_second").asDouble()).isPositive();
            });
            // Rates are of each node's last interval, not since the start: once B is quiet, they fall to zero.
            Eventually.check(Duration.ofSeconds(10), () -> {
                JsonNode stats = admin(nodes.a(), "/stats");
                assertThat(stats.path("messages_out_per_second").asDouble()).isZero();
                assertThat(stats.path("messages_out_total").asLong()).isGreaterThanOrEqualTo(10);
            });
        }
    }

    @Test
    void theConnectionListHoldsEveryNodesConnections() {
        try (ClusterNodes.TwoNodes nodes = ClusterNodes.TwoNodes.start(o -> o.adminToken(TOKEN).adapterSetting("node-timeout", "900ms"));
             RecordingClient onA = RecordingClient.connectFrom(nodes.a().webSocketUrl(TestServer.APP.key()), "https://a.example");
             RecordingClient onB = nodes.b().connect()) {
            onB.subscribe("listed");
            onB.assertSubscribed("listed");
            // A asks the nodes it knows of: B once a heartbeat has shown it
            Eventually.check(Duration.ofSeconds(10), () -> {
                JsonNode list = admin(nodes.a(), "/connections");
                assertThat(list.path("scope").asText()).isEqualTo("cluster");
                assertThat(list.path("total").asInt()).isEqualTo(2);
                assertThat(list.path("nodes_unanswered").asInt()).isZero();
                assertThat(list.path("truncated").asBoolean()).isFalse();
                JsonNode rowOfB = row(list, onB.socketId());
                assertThat(rowOfB.path("channels").toString()).isEqualTo("[\"listed\"]");
                assertThat(rowOfB.path("ip").asText()).isEqualTo("127.0.0.1");
                assertThat(row(list, onA.socketId()).path("origin").asText()).isEqualTo("https://a.example");
            });
            JsonNode one = admin(nodes.a(), "/connections?limit=1");
            assertThat(one.path("connections").size()).isEqualTo(1);
            assertThat(one.path("total").asInt()).isEqualTo(2);
            assertThat(one.path("truncated").asBoolean()).isTrue();
        }
    }

    @Test
    void aNodeThatDoesNotAnswerIsCountedAndTheOthersAreStillListed() {
        try (ClusterNodes.TwoNodes nodes = ClusterNodes.TwoNodes.start(o -> o.adminToken(TOKEN).adapterSetting("node-timeout", "3s"));
             RedisConnections ghostRedis = RedisConnections.open(nodes.redis().url());
             RecordingClient onB = nodes.b().connect()) {
            // A node that beats but never answers (a hung or older node)
            ClusterState ghost = new ClusterState(new RedisKeys("test:"), "silent-node", ghostRedis.commands(),
                    Duration.ofMillis(200));
            Eventually.check(Duration.ofSeconds(15), () -> {
                ghost.heartbeat().orTimeout(5, TimeUnit.SECONDS).join();
                long asked = System.nanoTime();
                JsonNode list = admin(nodes.a(), "/connections");
                assertThat(list.path("nodes_unanswered").asInt()).isEqualTo(1);
                assertThat(Duration.ofNanos(System.nanoTime() - asked))
                        .isBetween(ConnectionListRequests.ANSWER_WITHIN, ConnectionListRequests.ANSWER_WITHIN.plusSeconds(2));
                assertThat(list.path("total").asInt()).isEqualTo(1);
                row(list, onB.socketId());
            });
        }
    }

    @Test
    void withoutRedisTheListHoldsThisNodesConnectionsAndCountsTheOtherUnanswered() {
        try (ClusterNodes.TwoNodes nodes = ClusterNodes.TwoNodes.start(o -> o.adminToken(TOKEN).adapterSetting("node-timeout", "900ms"));
             RecordingClient onA = nodes.a().connect();
             RecordingClient onB = nodes.b().connect()) {
            Eventually.check(Duration.ofSeconds(10), () -> assertThat(admin(nodes.a(), "/connections").path("total").asInt()).isEqualTo(2));

            nodes.redis().kill();
            Eventually.check(Duration.ofSeconds(10), () -> {
                long asked = System.nanoTime();
                JsonNode list = admin(nodes.a(), "/connections");
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(ConnectionListRequests.ANSWER_WITHIN.plusSeconds(2));
                assertThat(list.path("nodes_unanswered").asInt()).isEqualTo(1);
                assertThat(list.path("total").asInt()).isEqualTo(1);
                row(list, onA.socketId());
            });
        }
    }

    private static JsonNode row(JsonNode list, String socketId) {
        for (JsonNode row : list.path("connections")) {
            if (row.path("socket_id").asText().equals(socketId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + socketId + " in " + list);
    }

    private static JsonNode admin(TestServer node, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.httpUrl() + "/admin/v1/apps/" + APP + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
