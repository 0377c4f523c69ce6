package io.herald.tests.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.ServerProcess;
import io.herald.tests.compat.NodeRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Beams libraries, unchanged, against Herald, with an independent push service: the web
 * SDK {@code @pusher/push-notifications-web} 2.1.0 registers browsers (its own code, in a small browser
 * of {@code src/test/js/beams/browser.mjs}), the Node SDK {@code @pusher/push-notifications-server} 1.2.7
 * publishes and makes user tokens, and {@code web-push-testing} receives Herald's Web Push requests, checks
 * their VAPID signature and decrypts them with the subscriptions' real keys. The scenarios are in
 * {@code src/test/js/beams-web.mjs}; each prints what it saw, asserted here.
 */
class BeamsWebPushTest {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;
    private static WebPushTestingProcess pushService;
    private static ServerProcess herald;

    @BeforeAll
    static void start() throws Exception {
        pushService = WebPushTestingProcess.start();
        herald = PushNode.embedded(dataDir);
    }

    @AfterAll
    static void stop() {
        if (herald != null) {
            herald.close();
        }
        if (pushService != null) {
            pushService.close();
        }
    }

    @Test
    void aDeviceOnTwoPublishedInterestsGetsOneDecryptedCopyOfWhatTheNodeSdkPublished() throws Exception {
        JsonNode seen = scenario("interests");

        assertThat(texts(seen.path("interests"))).containsExactlyInAnyOrder("donuts", "pastries");
        assertThat(texts(seen.path("otherInterests"))).containsExactly("bagels");
        assertThat(seen.path("publishId").asText()).matches("pubid-[0-9a-f-]{36}");
        assertThat(seen.path("received")).as("pushes decrypted at the device").hasSize(1);
        JsonNode push = seen.path("received").get(0);
        JsonNode notification = push.path("notification");
        assertThat(notification.path("title").asText()).isEqualTo("Hello");
        assertThat(notification.path("body").asText()).isEqualTo("Hello, world!");
        assertThat(notification.path("icon").asText()).isEqualTo("https://app.example/icon.png");
        assertThat(notification.path("deep_link").asText()).isEqualTo("https://app.example/orders/1");
        assertThat(notification.path("hide_notification_if_site_has_focus").asBoolean()).isTrue();
        JsonNode data = push.path("data");
        assertThat(data.path("orderId").asInt()).isEqualTo(1);
        assertThat(texts(data.path("tags"))).containsExactly("a", "b");
        JsonNode pusher = data.path("pusher");
        assertThat(pusher.path("instanceId").asText()).isEqualTo(PushNode.INSTANCE_ID);
        assertThat(pusher.path("publishId").asText()).isEqualTo(seen.path("publishId").asText());
        assertThat(pusher.path("hasDisplayableContent").asBoolean()).isTrue();
        assertThat(pusher.path("hasData").asBoolean()).isTrue();
        assertThat(seen.path("otherReceived")).as("a device on another interest").isEmpty();
        assertThat(seen.path("reportStatus").asInt()).as("the service worker's delivery report").isBetween(200, 299);
    }

    @Test
    void aSubscriptionThePushServiceExpiredIsRemovedOn410() throws Exception {
        JsonNode seen = scenario("expired");

        assertThat(seen.path("statusBefore").asInt()).isEqualTo(200);
        assertThat(seen.path("liveReceived")).hasSize(1);
        assertThat(seen.path("liveReceived").get(0).path("notification").path("title").asText()).isEqualTo("Still there?");
        assertThat(seen.path("liveReceived").get(0).path("data").path("pusher").path("publishId").asText())
                .isEqualTo(seen.path("publishId").asText());
        assertThat(seen.path("expiredReceived")).isEmpty();
        assertThat(seen.path("statusAfter").asInt()).as("the expired device after the 410").isEqualTo(404);
        assertThat(seen.path("liveStatusAfter").asInt()).as("the live device").isEqualTo(200);
    }

    @Test
    void aTokenFromTheNodeSdkBindsAUserAndBadTokensAreRefused() throws Exception {
        JsonNode seen = scenario("users");

        assertThat(seen.path("received")).hasSize(1);
        JsonNode push = seen.path("received").get(0);
        assertThat(push.path("notification").path("title").asText()).isEqualTo("For Alice");
        assertThat(push.path("data").path("n").asInt()).isEqualTo(1);
        assertThat(push.path("data").path("pusher").path("publishId").asText()).isEqualTo(seen.path("publishId").asText());
        JsonNode refused = seen.path("refused");
        assertThat(refused.path("forged").asInt()).as("signed with another key").isEqualTo(401);
        assertThat(refused.path("expired").asInt()).as("expired an hour ago").isEqualTo(401);
        assertThat(refused.path("notAJwt").asInt()).isEqualTo(401);
        assertThat(refused.path("unsigned").asInt()).as("no signature").isEqualTo(401);
        assertThat(refused.path("algNone").asInt()).as("alg none").isEqualTo(401);
        assertThat(refused.path("missing").asInt()).as("no Authorization header").isEqualTo(401);
        assertThat(refused.path("wrongIssuer").asInt()).as("issued for another instance").isEqualTo(403);
        assertThat(refused.path("secondUser").asInt()).as("a device bound to alice claimed for bob").isEqualTo(400);
        assertThat(seen.path("statusAfterDelete").asInt()).as("alice's device after deleteUser").isEqualTo(404);
        assertThat(seen.path("publishAfterDelete").path("publishId").asText()).startsWith("pubid-");
    }

    /** Runs one scenario of beams-web.mjs and returns what it saw, failing with its output if it failed. */
    private static JsonNode scenario(String name) throws Exception {
        NodeRun run = NodeRun.run(WebPushTestingProcess.JS_DIR, SCRIPT_TIMEOUT, "beams-web.mjs",
                "--scenario", name, "--herald", herald.httpUrl(), "--push-service", pushService.url(),
                "--instance-id", PushNode.INSTANCE_ID, "--secret", PushNode.SECRET_KEY);
        System.out.print(run.output());
        assertThat(run.finished()).as("node still running after %s:%n%s", SCRIPT_TIMEOUT, run.output()).isTrue();
        List<JsonNode> results = run.jsonLines().stream().filter(line -> name.equals(line.path("scenario").asText())).toList();
        assertThat(results).as("the scenario's result line; node output:%n%s", run.output()).hasSize(1);
        assertThat(results.get(0).path("ok").asBoolean()).as("scenario %s; node output:%n%s", name, run.output()).isTrue();
        return results.get(0);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
