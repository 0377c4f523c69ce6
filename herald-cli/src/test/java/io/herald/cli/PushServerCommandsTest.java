package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.herald.cli.Cli.Result;
import io.herald.testkit.BeamsWebDevice;
import io.herald.testkit.Eventually;
import io.herald.testkit.PushTestServer;
import io.herald.testkit.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald push} end to end against a real Herald serving the Beams APIs: the JSON each command
 * prints and its exit code, for success and for each way the server refuses.
 */
class PushServerCommandsTest {

    private static final String PUBLISH_ID = "pubid-[0-9a-f-]{36}";

    @TempDir
    static Path dataDirectory;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = PushTestServer.start(dataDirectory);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Cli cli() {
        return PushCommandsTest.instance().env("PUSHER_BEAMS_BASE_URL", server.httpUrl());
    }

    @Test
    void publishToInterestsPrintsThePublishId() {
        JsonNode json = cli().run("push", "publish", "-i", "orders", "-i", "audit", "--title", "Shipped", "--body", "Order 42",
                "--icon", "https://shop.example/icon.png", "--deep-link", "https://shop.example/orders/42",
                "--data", "{\"orderId\":42}", "--ttl", "1h", "--hide-if-site-has-focus").assertSuccess();

        assertThat(json.path("publish_id").asText()).matches(PUBLISH_ID);
        assertThat(json.path("interests").toString()).isEqualTo("[\"orders\",\"audit\"]");
    }

    @Test
    void aTokenFromTheCommandSignsADeviceInAndPublishToUsersAndStatusCountIt() {
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), PushTestServer.INSTANCE_ID, PushTestServer.unreachableEndpoint());
        String token = cli().run("push", "token", "carol").assertSuccess().path("token").asText();
        assertThat(device.signIn(token).status()).isEqualTo(200);

        JsonNode published = cli().run("push", "publish", "-u", "carol", "--title", "Hi Carol").assertSuccess();
        assertThat(published.path("users").toString()).isEqualTo("[\"carol\"]");

        // the publish is answered before its audience is expanded into deliveries
        Eventually.check(Duration.ofSeconds(10), () -> {
            JsonNode status = cli().run("push", "status", published.path("publish_id").asText()).assertSuccess();
            assertThat(status.path("publish_id").asText()).isEqualTo(published.path("publish_id").asText());
            assertThat(status.path("expanding").asBoolean()).as("expanding, in %s", status).isFalse();
            assertThat(status.path("targets").asLong()).as("carol's one device, in %s", status).isEqualTo(1);
            assertThat(status.path("status").isObject()).isTrue();
        });
    }

    /** The server posts the publish's webhooks to the URL given, here a receiver on 127.0.0.1. */
    @Test
    void aWebhookUrlGetsThePublishsStartedAndFinishedPosts() throws Exception {
        BlockingQueue<JsonNode> posts = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                posts.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            JsonNode published = cli().run("push", "publish", "-i", "hooked", "--title", "t", "--webhook-url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook").assertSuccess();
            String publishId = published.path("publish_id").asText();
            for (String status : new String[] {"STARTED", "FINISHED"}) {
                JsonNode post = posts.poll(20, TimeUnit.SECONDS);
                assertThat(post).as(status).isNotNull();
                assertThat(post.path("publishId").asText()).isEqualTo(publishId);
                assertThat(post.path("status").asText()).isEqualTo(status);
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void deleteUserRemovesTheUsersDevices() {
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), PushTestServer.INSTANCE_ID, PushTestServer.unreachableEndpoint());
        assertThat(device.signIn(cli().run("push", "token", "dave").assertSuccess().path("token").asText()).status()).isEqualTo(200);

        JsonNode json = cli().run("push", "delete-user", "dave").assertSuccess();

        assertThat(json.path("user_id").asText()).isEqualTo("dave");
        assertThat(device.fetch().status()).isEqualTo(404);
    }

    @Test
    void aWrongSecretKeyIsHttp401WithExit1() {
        cli().env("PUSHER_BEAMS_SECRET_KEY", "wrong").run("push", "publish", "-i", "orders", "--title", "t")
                .assertFailure(1, "HTTP 401: ");
    }

    @Test
    void anUnknownInstanceOrPublishIsHttp404WithExit1() {
        cli().run("push", "publish", "-i", "orders", "--title", "t", "--instance-id", "no-such-instance")
                .assertFailure(1, "HTTP 404: ");
        cli().run("push", "status", "pubid-00000000-0000-0000-0000-000000000000").assertFailure(1, "HTTP 404: ");
    }

    @Test
    void dataOver10KibToInterestsIsHttp413AndOverWebPushsLimitToUsers422WithExit1() {
        String data = "{\"blob\":\"" + "x".repeat(11 * 1024) + "\"}";

        cli().run("push", "publish", "-i", "orders", "--title", "t", "--data", data).assertFailure(1, "HTTP 413: ");
        cli().run("push", "publish", "-u", "erin", "--title", "t", "--data", data).assertFailure(1, "HTTP 422: Unprocessable Entity: ");
    }

    @Test
    void textOutputPrintsALine() {
        Result published = cli().run("push", "publish", "-i", "nobody-listens", "--title", "t", "--output", "text");
        String publishId = published.out().replaceAll("(?s).*publish id (pubid-[0-9a-f-]+)\\).*", "$1");
        Result status = cli().run("push", "status", publishId, "--output", "text");

        assertThat(published.exitCode()).isZero();
        assertThat(published.out()).startsWith("published to nobody-listens (publish id pubid-");
        assertThat(status.out().strip()).isEqualTo(publishId + ": 0 devices, 0 queued, 0 sent, 0 failed, 0 devices removed");
        assertThat(published.err() + status.err()).isEmpty();
    }
}
