package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser registered exactly as the web SDK does, a publish over HTTP as curl or a server SDK
 * sends it, and the message decrypted at a push service that checks VAPID and aes128gcm itself.
 */
@Timeout(120)
class WebPushDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ID = "instance-id";
    private static final String SECRET = "instance-secret";

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService pushService;
    PushHttp http;

    @BeforeEach
    void start() throws Exception {
        server = PushServers.start(PushServers.settings(dataDir));
        pushService = new TestPushService();
        http = new PushHttp(server.httpUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        pushService.close();
    }

    @Test
    void aPublishToAnInterestArrivesDecryptedAsTheServiceWorkerExpectsIt() throws Exception {
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        assertThat(browser.addDeviceInterest("hello").status()).isEqualTo(200);

        PushHttp.Answer published = http.publish(ID, SECRET, "interests", """
                {"interests":["hello"],"web":{"notification":{"title":"Hi","body":"there","icon":"https://example.com/i.png",
                "deep_link":"https://example.com/x"},"data":{"order":42},"time_to_live":600}}""");
        assertThat(published.status()).isEqualTo(200);
        String publishId = published.body().get("publishId").asText();
        assertThat(publishId).matches("pubid-[0-9a-f-]{36}");

        TestPushService.Received message = pushService.next(WAIT);
        assertThat(message.subscription()).isEqualTo(browser.subscription.id());
        assertThat(message.ttl()).isEqualTo("600");
        JsonNode payload = PushHttp.JSON.readTree(message.json());
        assertThat(payload.at("/notification/title").asText()).isEqualTo("Hi");
        assertThat(payload.at("/notification/deep_link").asText()).isEqualTo("https://example.com/x");
        assertThat(payload.at("/data/order").asInt()).isEqualTo(42);
        assertThat(payload.at("/data/pusher/instanceId").asText()).isEqualTo(ID);
        assertThat(payload.at("/data/pusher/publishId").asText()).isEqualTo(publishId);
        assertThat(payload.at("/data/pusher/hasDisplayableContent").asBoolean()).isTrue();
        assertThat(payload.at("/data/pusher/hasData").asBoolean()).isTrue();

        JsonNode status = awaitStatus(publishId, s -> s.at("/web/sent").asInt() == 1);
        assertThat(status.at("/web/targets").asInt()).isEqualTo(1);
        assertThat(status.at("/web/queued").asInt()).isZero();
    }

    @Test
    void aDeviceWithSeveralOfThePublishedInterestsGetsOneCopy() throws Exception {
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("a");
        browser.addDeviceInterest("b");
        WebSdk other = new WebSdk(http, pushService, ID).start();
        other.addDeviceInterest("b");

        String publishId = http.publish(ID, SECRET, "interests",
                "{\"interests\":[\"a\",\"b\",\"c\"],\"web\":{\"notification\":{\"title\":\"once\"}}}")
                .body().get("publishId").asText();

        assertThat(java.util.List.of(pushService.next(WAIT).subscription(), pushService.next(WAIT).subscription()))
                .containsExactlyInAnyOrder(browser.subscription.id(), other.subscription.id());
        assertThat(pushService.poll(Duration.ofSeconds(1))).as("a second copy").isNull();
        assertThat(awaitStatus(publishId, s -> s.at("/web/sent").asInt() == 2).at("/web/targets").asInt()).isEqualTo(2);
    }

    @Test
    void oneVapidJwtServesEveryPushToAPushService() throws Exception {
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("jwt");
        WebSdk other = new WebSdk(http, pushService, ID).start();
        other.addDeviceInterest("jwt");

        java.util.Set<String> tokens = new java.util.HashSet<>();
        for (int i = 0; i < 2; i++) {
            assertThat(http.publish(ID, SECRET, "interests",
                    "{\"interests\":[\"jwt\"],\"web\":{\"notification\":{\"title\":\"t\"}}}").status()).isEqualTo(200);
            tokens.add(pushService.next(WAIT).vapidJwt());
            tokens.add(pushService.next(WAIT).vapidJwt());
        }
        // Each was checked (signature, audience, exp) by the push service before it was accepted.
        assertThat(tokens).as("one signature for four pushes to one origin").hasSize(1);
    }

    @Test
    void aGoneSubscriptionRemovesTheDevice() throws Exception {
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("news");
        pushService.expire(browser.subscription);

        String publishId = http.publish(ID, SECRET, "interests",
                "{\"interests\":[\"news\"],\"web\":{\"notification\":{\"title\":\"x\"}}}").body().get("publishId").asText();

        JsonNode status = awaitStatus(publishId, s -> s.at("/web/removed").asInt() == 1);
        assertThat(status.at("/web/sent").asInt()).isZero();
        assertThat(http.fromBrowser("GET", browser.devicePath(), null).status()).isEqualTo(404);
    }

    @Test
    void aThrottledPushIsRetriedAfterRetryAfter() throws Exception {
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("slow");
        pushService.throttle(browser.subscription, 1, "1");

        long published = System.currentTimeMillis();
        http.publish(ID, SECRET, "interests", "{\"interests\":[\"slow\"],\"web\":{\"notification\":{\"title\":\"x\"}}}");

        TestPushService.Received message = pushService.next(WAIT);
        assertThat(message.atMillis() - published).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(900);
        assertThat(pushService.requests()).isEqualTo(2);
    }

    @Test
    void anUnreachablePushServiceIsRetriedThenCountedFailed() throws Exception {
        server.close();
        var settings = PushServers.settings(dataDir).put("max-attempts", 2).put("retry-backoff", "100ms");
        server = PushServers.start(settings);
        http = new PushHttp(server.httpUrl());
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("lost");
        pushService.close(); // nothing listens on its port any more

        String publishId = http.publish(ID, SECRET, "interests",
                "{\"interests\":[\"lost\"],\"web\":{\"notification\":{\"title\":\"x\"}}}").body().get("publishId").asText();

        JsonNode status = awaitStatus(publishId, s -> s.at("/web/failed").asInt() == 1);
        assertThat(status.at("/web/queued").asInt()).isZero();
        assertThat(http.fromBrowser("GET", browser.devicePath(), null).status()).as("the device stays").isEqualTo(200);
    }

    @Test
    void fcmAndApnsAreStoredAndTheStatusSaysTheyAreNotDelivered() {
        PushHttp.Answer published = http.publish(ID, SECRET, "interests",
                "{\"interests\":[\"x\"],\"fcm\":{\"notification\":{\"title\":\"a\"}},\"apns\":{\"aps\":{\"alert\":\"b\"}}}");
        assertThat(published.status()).isEqualTo(200);
        JsonNode status = http.send("GET", "/publish_api/v1/instances/" + ID + "/publishes/"
                + published.body().get("publishId").asText(), null, "Authorization", "Bearer " + SECRET).body();
        assertThat(status.at("/undelivered/fcm").asText()).contains("not delivered");
        assertThat(status.at("/undelivered/apns").asText()).contains("not delivered");
        assertThat(status.at("/web/expanding").asBoolean()).as("nothing to expand without web").isFalse();
        assertThat(status.at("/web/targets").asInt()).isZero();
    }

    private JsonNode awaitStatus(String publishId, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode status;
        do {
            status = http.send("GET", "/publish_api/v1/instances/" + ID + "/publishes/" + publishId, null,
                    "Authorization", "Bearer " + SECRET).body();
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("publish status never got there: " + status);
    }
}
