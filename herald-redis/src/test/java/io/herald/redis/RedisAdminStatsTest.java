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
import org.junit.jupiter.api.Test;

/** The admin API's stats count the whole cluster: what node B receives and sends shows in node A's answer. */
class RedisAdminStatsTest {

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
                JsonNode stats = stats(nodes.a());
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
                JsonNode stats = stats(nodes.a());
                assertThat(stats.path("messages_out_per_second").asDouble()).isZero();
                assertThat(stats.path("messages_out_total").asLong()).isGreaterThanOrEqualTo(10);
            });
        }
    }

    private static JsonNode stats(TestServer node) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.httpUrl() + "/admin/v1/apps/" + APP + "/stats"))
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
