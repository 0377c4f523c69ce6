package io.herald.tests.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API's per-app endpoints over real HTTP: stats, connections, channels and the test publish. */
class AppActivityHttpTest {

    private static final String TOKEN = "admin-token-for-tests-0123";
    private static final String APP = "/admin/v1/apps/" + TestServer.APP.id();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.adminToken(TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void statsCountConnectionsChannelsAndMessages() throws Exception {
        try (RecordingClient client = server.connect()) {
            client.subscribe("stats-room");
            client.assertSubscribed("stats-room");
            JsonNode first = json(send("GET", APP + "/stats", null, TOKEN));
            assertThat(first.path("connections").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(first.path("channels").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(first.path("scope").path("messages").asText()).isEqualTo("cluster");
            server.api().post("/apps/" + TestServer.APP.id() + "/events", "{\"name\":\"e\",\"channel\":\"stats-room\",\"data\":\"1\"}");
            client.awaitEvent("e");
            Thread.sleep(600); // rates are measured between reads at least half a second apart
            JsonNode second = json(send("GET", APP + "/stats", null, TOKEN));
            assertThat(second.path("messages_out_total").asLong()).isGreaterThan(first.path("messages_out_total").asLong());
            assertThat(second.path("messages_out_per_second").asDouble()).isPositive();
            assertThat(second.path("messages_in_per_second").asDouble()).isPositive();
        }
    }

    @Test
    void connectionsListSocketOriginAddressAndChannelsWithinTheLimit() throws Exception {
        try (RecordingClient a = RecordingClient.connectFrom(server.webSocketUrl(TestServer.APP.key()), "https://a.example");
             RecordingClient b = server.connect()) {
            a.subscribe("listed");
            a.assertSubscribed("listed");
            JsonNode all = json(send("GET", APP + "/connections", null, TOKEN));
            assertThat(all.path("scope").asText()).isEqualTo("cluster");
            assertThat(all.path("nodes_unanswered").asInt()).isZero();
            JsonNode row = null;
            for (JsonNode r : all.path("connections")) {
                if (r.path("socket_id").asText().equals(a.socketId())) {
                    row = r;
                }
            }
            assertThat(row).as("a's row in %s", all).isNotNull();
            assertThat(row.path("origin").asText()).isEqualTo("https://a.example");
            assertThat(row.path("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(row.path("channels").toString()).isEqualTo("[\"listed\"]");

            JsonNode one = json(send("GET", APP + "/connections?limit=1", null, TOKEN));
            assertThat(one.path("connections").size()).isEqualTo(1);
            assertThat(one.path("truncated").asBoolean()).isTrue();
            HttpResponse<String> bad = send("GET", APP + "/connections?limit=0", null, TOKEN);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("limit");
        }
    }

    @Test
    void channelsAnswerAsTheChannelsApiDoes() throws Exception {
        try (RecordingClient client = server.connect()) {
            client.subscribe("plain-room");
            client.assertSubscribed("plain-room");
            JsonNode admin = json(send("GET", APP + "/channels?info=subscription_count", null, TOKEN));
            JsonNode api = server.api().get("/apps/" + TestServer.APP.id() + "/channels", Map.of("info", "subscription_count")).body();
            assertThat(admin).isEqualTo(api);
            assertThat(admin.path("channels").path("plain-room").path("subscription_count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aTestEventIsPublishedAsTheSignedApiWould() throws Exception {
        try (RecordingClient client = server.connect()) {
            client.subscribe("publish-room");
            client.assertSubscribed("publish-room");
            HttpResponse<String> published = send("POST", APP + "/events",
                    "{\"channel\":\"publish-room\",\"name\":\"from-admin\",\"data\":\"{\\\"n\\\":1}\"}", TOKEN);
            assertThat(published.statusCode()).isEqualTo(200);
            assertThat(json(published).has("event_id")).isTrue();
            assertThat(client.awaitEvent("from-admin").json().path("n").asInt()).isEqualTo(1);

            HttpResponse<String> noName = send("POST", APP + "/events", "{\"channel\":\"publish-room\",\"data\":\"x\"}", TOKEN);
            assertThat(noName.statusCode()).isEqualTo(400);
            assertThat(noName.body()).contains("name");
            assertThat(send("POST", "/admin/v1/apps/nope/events", "{}", TOKEN).statusCode()).isEqualTo(404);
            assertThat(send("POST", APP + "/events", "{}", null).statusCode()).isEqualTo(401);
            assertThat(send("GET", APP + "/stats", null, TOKEN + "x").statusCode()).isEqualTo(401);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.httpUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
