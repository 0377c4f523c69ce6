package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish's {@code webhookUrl} (Beams' publish webhooks): STARTED when stored, FINISHED with the
 * counts once its last delivery is settled, posted to a real receiver, retried by the configured
 * delays and given up after the last.
 */
@Timeout(120)
class PublishWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final String ID = "instance-id";
    private static final String SECRET = "instance-secret";

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService pushService;
    WebhookReceiver receiver;
    PushHttp http;

    @BeforeEach
    void start() throws Exception {
        pushService = new TestPushService();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        pushService.close();
        receiver.close();
    }

    private void serve(String retryDelays) {
        ObjectNode settings = PushServers.settings(dataDir);
        if (retryDelays != null) {
            settings.put("webhook-retry-delays", retryDelays);
        }
        server = PushServers.start(settings);
        http = new PushHttp(server.httpUrl());
    }

    private String publish(String audience, String body) {
        PushHttp.Answer answer = http.publish(ID, SECRET, audience, body);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer.body().get("publishId").asText();
    }

    @Test
    void aPublishIsReportedStartedThenFinishedWithItsCounts() throws Exception {
        serve(null);
        for (int i = 0; i < 3; i++) {
            new WebSdk(http, pushService, ID).start().addDeviceInterest("news");
        }
        WebSdk gone = new WebSdk(http, pushService, ID).start();
        gone.addDeviceInterest("news");
        pushService.expire(gone.subscription); // answers 410: the device is removed, a failed publish
        String url = receiver.url("alice:s%3Acret", "/hooks?from=beams");
        String body = "{\"interests\":[\"news\"],\"webhookUrl\":\"" + url + "\",\"web\":{\"notification\":{\"title\":\"Hi\"}}}";
        String publishId = publish("interests", body);

        WebhookReceiver.Hook started = receiver.next(WAIT);
        assertThat(started.path()).isEqualTo("/hooks?from=beams");
        assertThat(started.headers()).containsEntry("Method", "POST").containsEntry("Content-Type", "application/json")
                .containsEntry("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("alice:s:cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(started.body().get("publishId").asText()).isEqualTo(publishId);
        assertThat(started.body().get("status").asText()).isEqualTo("STARTED");
        assertThat(started.body().get("requestBody")).isEqualTo(PushHttp.JSON.readTree(body));

        WebhookReceiver.Hook finished = receiver.next(WAIT);
        assertThat(finished.body().get("publishId").asText()).isEqualTo(publishId);
        assertThat(finished.body().get("status").asText()).isEqualTo("FINISHED");
        assertThat(finished.body().get("requestBody")).isEqualTo(PushHttp.JSON.readTree(body));
        assertThat(finished.body().get("results").toString())
                .isEqualTo("{\"web\":{\"numSuccessfulPublishes\":3,\"numFailedPublishes\":1}}");
        assertThat(receiver.poll(QUIET)).as("anything more").isNull();

        JsonNode status = http.send("GET", "/publish_api/v1/instances/" + ID + "/publishes/" + publishId, null,
                "Authorization", "Bearer " + SECRET).body();
        assertThat(status.at("/web/sent").asInt()).isEqualTo(3);
        assertThat(status.at("/web/queued").asInt()).isZero();
    }

    @Test
    void aPublishWithNothingToDeliverFinishesAtOnce() throws Exception {
        serve(null);
        String toNobody = publish("interests", "{\"interests\":[\"nobody\"],\"webhookUrl\":\"" + receiver.url(null, "/a")
                + "\",\"web\":{\"notification\":{\"title\":\"Hi\"}}}");
        List<JsonNode> hooks = List.of(receiver.next(WAIT).body(), receiver.next(WAIT).body());
        assertThat(hooks).extracting(h -> h.get("status").asText()).containsExactly("STARTED", "FINISHED");
        assertThat(hooks.get(1).get("publishId").asText()).isEqualTo(toNobody);
        assertThat(hooks.get(1).get("results").toString())
                .isEqualTo("{\"web\":{\"numSuccessfulPublishes\":0,\"numFailedPublishes\":0}}");

        // FCM and APNs are stored, not delivered: their part of the publish failed as a whole.
        String mobileOnly = publish("users", "{\"users\":[\"u1\"],\"webhookUrl\":\"" + receiver.url(null, "/b")
                + "\",\"fcm\":{\"notification\":{\"title\":\"Hi\"}},\"apns\":{\"aps\":{\"alert\":\"Hi\"}}}");
        receiver.next(WAIT);
        JsonNode finished = receiver.next(WAIT).body();
        assertThat(finished.get("publishId").asText()).isEqualTo(mobileOnly);
        assertThat(finished.get("results").toString()).isEqualTo("{\"fcm\":{\"failed\":true},\"apns\":{\"failed\":true}}");
        assertThat(receiver.poll(QUIET)).as("anything more").isNull();
    }

    /** A 500 and a receiver that holds the request past the 3 s Beams allows are both tried again. */
    @Test
    void aFailedPostIsTriedAgainAfterTheConfiguredDelay() throws Exception {
        serve("200ms");
        receiver.plan(500, WebhookReceiver.HANG);
        String publishId = publish("users", "{\"users\":[\"u1\"],\"webhookUrl\":\"" + receiver.url(null, "/r")
                + "\",\"fcm\":{\"notification\":{\"title\":\"Hi\"}}}");
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode hook = receiver.next(WAIT).body();
            assertThat(hook.get("publishId").asText()).isEqualTo(publishId);
            statuses.add(hook.get("status").asText());
        }
        assertThat(statuses).containsExactly("STARTED", "FINISHED", "STARTED", "FINISHED");
        assertThat(receiver.poll(QUIET)).as("anything more").isNull();
        assertThat(http.send("GET", "/publish_api/v1/instances/" + ID + "/publishes/" + publishId, null,
                "Authorization", "Bearer " + SECRET).status()).as("the node still serves").isEqualTo(200);
    }

    /** The answer's status is all that counts: a receiver that never ends its body holds nothing up. */
    @Test
    void aReceiverThatNeverEndsItsAnswerHoldsUpNothing() throws Exception {
        serve("");
        receiver.plan(WebhookReceiver.DRIBBLE);
        long started = System.nanoTime();
        publish("users", "{\"users\":[\"u1\"],\"webhookUrl\":\"" + receiver.url(null, "/slow")
                + "\",\"fcm\":{\"notification\":{\"title\":\"Hi\"}}}");
        assertThat(receiver.next(WAIT).body().get("status").asText()).isEqualTo("STARTED");
        assertThat(receiver.next(WAIT).body().get("status").asText()).as("posted after STARTED was answered")
                .isEqualTo("FINISHED");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(receiver.poll(QUIET)).as("STARTED counted as accepted: no retry").isNull();
    }

    @Test
    void aPostIsDroppedAfterItsLastTry() throws Exception {
        serve("");
        receiver.plan(503);
        publish("users", "{\"users\":[\"u1\"],\"webhookUrl\":\"" + receiver.url(null, "/d")
                + "\",\"fcm\":{\"notification\":{\"title\":\"Hi\"}}}");
        assertThat(receiver.next(WAIT).body().get("status").asText()).isEqualTo("STARTED");
        assertThat(receiver.next(WAIT).body().get("status").asText()).isEqualTo("FINISHED");
        assertThat(receiver.poll(QUIET)).as("no retry of the refused STARTED").isNull();
    }

    @Test
    void aWebhookUrlThatIsNotAnAbsoluteHttpUrlIsRefused() {
        serve(null);
        for (String url : new String[] {"ftp://example.com/x", "/relative", "http://", "https://example.com/"
                + "x".repeat(2048)}) {
            PushHttp.Answer answer = http.publish(ID, SECRET, "interests", "{\"interests\":[\"news\"],\"webhookUrl\":\""
                    + url + "\",\"web\":{\"notification\":{\"title\":\"Hi\"}}}");
            assertThat(answer.status()).as(url).isEqualTo(422);
            assertThat(answer.body().get("description").asText()).contains("webhookUrl");
        }
    }
}
