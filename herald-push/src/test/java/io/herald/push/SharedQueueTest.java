package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.store.TestPostgres;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue lives in the store: two nodes on one PostgreSQL deliver every push once, and a publish
 * answered 200 is delivered by the next node even when the one that took it stopped first.
 */
@Timeout(180)
class SharedQueueTest {

    private static final String ID = "instance-id";
    private static final String SECRET = "instance-secret";

    @TempDir
    Path dataDir;
    TestPostgres database;
    TestPushService pushService;
    final List<TestServer> servers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        database = TestPostgres.create();
        pushService = new TestPushService();
    }

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
        pushService.close();
        database.close();
    }

    private TestServer node(ObjectNode push) {
        TestServer server = PushServers.start(push);
        servers.add(server);
        return server;
    }

    private ObjectNode onPostgres() {
        ObjectNode push = PushServers.settings(dataDir);
        push.put("store-url", database.url());
        push.put("claim-batch-size", 5); // small batches, so both nodes take part
        return push;
    }

    @Test
    void twoNodesOnPostgresDeliverEachPushExactlyOnce() throws Exception {
        PushHttp a = new PushHttp(node(onPostgres()).httpUrl());
        PushHttp b = new PushHttp(node(onPostgres()).httpUrl());
        int devices = 20;
        int publishes = 6;
        for (int i = 0; i < devices; i++) {
            WebSdk sdk = new WebSdk(i % 2 == 0 ? a : b, pushService, ID).start();
            assertThat(sdk.addDeviceInterest("all").status()).isEqualTo(200);
        }
        Set<String> published = new HashSet<>();
        for (int i = 0; i < publishes; i++) {
            PushHttp node = i % 2 == 0 ? a : b;
            published.add(node.publish(ID, SECRET, "interests",
                    "{\"interests\":[\"all\"],\"web\":{\"notification\":{\"title\":\"n" + i + "\"}}}")
                    .body().get("publishId").asText());
        }
        Set<String> copies = new HashSet<>();
        for (int i = 0; i < devices * publishes; i++) {
            TestPushService.Received r = pushService.next(Duration.ofSeconds(30));
            String publishId = PushHttp.JSON.readTree(r.json()).at("/data/pusher/publishId").asText();
            assertThat(copies.add(r.subscription() + " " + publishId)).as("a second copy of " + publishId).isTrue();
            assertThat(published).contains(publishId);
        }
        assertThat(pushService.poll(Duration.ofSeconds(2))).as("anything more").isNull();
        for (String publishId : published) {
            JsonNode status = a.send("GET", "/publish_api/v1/instances/" + ID + "/publishes/" + publishId, null,
                    "Authorization", "Bearer " + SECRET).body();
            assertThat(status.at("/web/sent").asInt()).as(status.toString()).isEqualTo(devices);
        }
    }

    /**
     * Both nodes settle deliveries of the same publishes in small batches, so the last deliveries of a
     * publish are often settled on both at once: one FINISHED webhook per publish all the same.
     */
    @Test
    void twoNodesOnPostgresFinishEachPublishOnce() throws Exception {
        PushHttp a = new PushHttp(node(onPostgres()).httpUrl());
        PushHttp b = new PushHttp(node(onPostgres()).httpUrl());
        int devices = 30;
        int publishes = 8;
        for (int i = 0; i < devices; i++) {
            new WebSdk(i % 2 == 0 ? a : b, pushService, ID).start().addDeviceInterest("all");
        }
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Set<String> published = new HashSet<>();
            for (int i = 0; i < publishes; i++) {
                published.add((i % 2 == 0 ? a : b).publish(ID, SECRET, "interests", "{\"interests\":[\"all\"],"
                        + "\"webhookUrl\":\"" + receiver.url(null, "/p") + "\",\"web\":{\"notification\":{}}}")
                        .body().get("publishId").asText());
            }
            List<String> finished = new ArrayList<>();
            int started = 0;
            for (int i = 0; i < 2 * publishes; i++) {
                JsonNode hook = receiver.next(Duration.ofSeconds(30)).body();
                if (hook.get("status").asText().equals("STARTED")) {
                    started++;
                    continue;
                }
                finished.add(hook.get("publishId").asText());
                assertThat(hook.at("/results/web/numSuccessfulPublishes").asInt()).isEqualTo(devices);
            }
            assertThat(receiver.poll(Duration.ofSeconds(2))).as("anything more").isNull();
            assertThat(started).isEqualTo(publishes);
            assertThat(finished).containsExactlyInAnyOrderElementsOf(published);
        }
    }

    @Test
    void aQueuedPublishOutlivesTheNodeThatTookItOnPostgres() throws Exception {
        outlivesItsNode(onPostgres());
    }

    @Test
    void aQueuedPublishOutlivesTheNodeThatTookItOnTheEmbeddedStore() throws Exception {
        outlivesItsNode(PushServers.settings(dataDir));
    }

    private void outlivesItsNode(ObjectNode push) throws Exception {
        push.put("max-attempts", 50);
        TestServer first = node(push);
        PushHttp http = new PushHttp(first.httpUrl());
        WebSdk sdk = new WebSdk(http, pushService, ID).start();
        sdk.addDeviceInterest("later");
        pushService.unavailable(true);
        String publishId = http.publish(ID, SECRET, "interests",
                "{\"interests\":[\"later\"],\"web\":{\"notification\":{\"title\":\"kept\"}}}").body().get("publishId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pushService.requests() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pushService.requests()).as("the first node tried").isPositive();
        first.close();
        servers.remove(first);

        pushService.unavailable(false);
        node(push);
        TestPushService.Received r = pushService.next(Duration.ofSeconds(30));
        assertThat(r.subscription()).isEqualTo(sdk.subscription.id());
        assertThat(r.json()).contains(publishId);
    }
}
