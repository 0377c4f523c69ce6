package io.herald.tests.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Crypto;
import io.herald.sdk.webhook.WebhookEvent;
import io.herald.server.app.App;
import io.herald.testkit.AdminClient;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An app's webhooks follow its changes live: a rotated secret signs the next requests, removed endpoints get nothing. */
class AppWebhooksLiveTest {

    private static final String TOKEN = "admin-token-for-tests-0123";

    @Test
    void webhooksAreSignedWithTheRotatedSecretAndStopWhenRemoved() throws Exception {
        Path dataDir = Files.createTempDirectory("herald-apps-hooks-");
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "embedded").put("data-dir", dataDir.toString());
        try (WebhookReceiver receiver = WebhookReceiver.start(App.of("hooks", "hooks-key", "hooks-first-secret"));
             TestServer server = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store))) {
            AdminClient admin = new AdminClient(server.httpUrl(), TOKEN);
            ApiClient.Result created = admin.post("/admin/v1/apps", "{\"id\":\"hooks\",\"key\":\"hooks-key\",\"secret\":\"hooks-first-secret\","
                    + "\"webhooks\":[{\"url\":\"" + receiver.url() + "\",\"events\":[\"channel_occupied\"]}]}");
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            assertThat(created.body().path("webhooks").get(0).path("events").toString()).isEqualTo("[\"channel_occupied\"]");
            RecordingClient client = connect(server);

            client.subscribe("first");
            client.assertSubscribed("first");
            receiver.expect(new WebhookEvent.ChannelOccupied("first"));
            assertThat(signedBy(delivery(receiver, "first"), "hooks-first-secret")).isTrue();

            String rotated = admin.post("/admin/v1/apps/hooks/rotate-secret", "{}").body().path("secret").asText();
            Eventually.check(Duration.ofSeconds(1), () ->
                    assertThat(server.server().apps().findById("hooks").orElseThrow().secret()).isEqualTo(rotated));
            client.subscribe("second");
            client.assertSubscribed("second");
            // the receiver still checks with the first secret: read the request itself
            WebhookReceiver.Delivery second = delivery(receiver, "second");
            assertThat(signedBy(second, rotated)).as("signed with the new secret").isTrue();
            assertThat(signedBy(second, "hooks-first-secret")).isFalse();

            assertThat(admin.patch("/admin/v1/apps/hooks", "{\"webhooks\":[]}").status()).isEqualTo(200);
            Eventually.check(Duration.ofSeconds(1), () ->
                    assertThat(server.server().apps().findById("hooks").orElseThrow().webhooks()).isEmpty());
            client.subscribe("third");
            client.assertSubscribed("third");
            Thread.sleep(1_000);
            assertThat(receiver.deliveries()).noneMatch(d -> d.body().contains("\"third\""));
            assertThat(client.isClosed()).as("changing webhooks leaves connections alone").isFalse();
            client.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static RecordingClient connect(TestServer server) {
        RecordingClient client = RecordingClient.connect(server.webSocketUrl("hooks-key"));
        assertThat(client.socketId()).isNotNull();
        return client;
    }

    /** The request that reported {@code channel}, waiting for it. */
    private static WebhookReceiver.Delivery delivery(WebhookReceiver receiver, String channel) {
        WebhookReceiver.Delivery[] found = new WebhookReceiver.Delivery[1];
        Eventually.check(WebhookReceiver.TIMEOUT, () -> {
            found[0] = receiver.deliveries().stream().filter(d -> d.body().contains("\"" + channel + "\"")).findFirst().orElse(null);
            assertThat(found[0]).as("a webhook request about " + channel).isNotNull();
        });
        return found[0];
    }

    private static boolean signedBy(WebhookReceiver.Delivery delivery, String secret) {
        return Crypto.constantTimeEquals(Crypto.hmacSha256Hex(secret, delivery.body()), delivery.signature());
    }
}
