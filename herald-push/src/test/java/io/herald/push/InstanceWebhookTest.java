package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance's webhooks as Beams' dashboard configures them: a publish to users reported as
 * {@code v1.PublishToUsersAttempt}, browsers' delivery and open reports as
 * {@code v1.UserNotificationAcknowledgement} and {@code v1.UserNotificationOpen}, each signed with
 * its webhook's secret, to a real receiver.
 */
@Timeout(120)
class InstanceWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final String ID = "instance-id";
    private static final String SECRET = "instance-secret";
    private static final String HOOK_ID = "9c83c1b2-77ac-49c5-94c2-bfc96f9bec49";

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService pushService;
    WebhookReceiver everything;
    WebhookReceiver opens;
    PushHttp http;

    @BeforeEach
    void start() throws Exception {
        pushService = new TestPushService();
        everything = new WebhookReceiver();
        opens = new WebhookReceiver();
        ObjectNode settings = PushServers.settings(dataDir);
        settings.put("max-attempts", 2);
        ObjectNode instance = settings.putArray("instances").addObject().put("id", ID).put("secret", SECRET);
        ArrayNode webhooks = instance.putArray("webhooks");
        webhooks.addObject().put("url", everything.url(null, "/beams")).put("secret", "hook-secret").put("id", HOOK_ID)
                .putObject("custom-data").put("team", "web");
        ObjectNode onlyOpens = webhooks.addObject().put("url", opens.url(null, "/opens")).put("secret", "other-secret");
        onlyOpens.putArray("events").add("v1.UserNotificationOpen");
        server = PushServers.start(settings);
        http = new PushHttp(server.httpUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        pushService.close();
        everything.close();
        opens.close();
    }

    private WebSdk browserOf(String user) throws Exception {
        WebSdk sdk = new WebSdk(http, pushService, ID).start();
        if (user != null) {
            assertThat(sdk.setUserId(UserTokenTest.token(user)).status()).isEqualTo(200);
        }
        return sdk;
    }

    private static String hmacSha1(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks Beams' wrapper and headers; the payload. */
    private static JsonNode event(WebhookReceiver.Hook hook, String type, String secret) throws Exception {
        assertThat(hook.headers()).containsEntry("User-Agent", "pusher-webhooks")
                .containsEntry("Content-Type", "application/json").containsEntry("Webhook-Event-Type", type)
                .containsEntry("Webhook-Signature", hmacSha1(hook.raw(), secret));
        JsonNode metadata = hook.body().get("metadata");
        assertThat(metadata.get("event_type").asText()).isEqualTo(type);
        assertThat(metadata.get("product").asText()).isEqualTo("beams");
        assertThat(metadata.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(metadata.get("event_id").asText()).isEqualTo(hook.headers().get("Webhook-Request-ID-UUID"));
        return hook.body().get("payload");
    }

    @Test
    void aPublishToUsersIsReportedUserByUser() throws Exception {
        browserOf("alice");
        WebSdk alicesOldTab = browserOf("alice");
        pushService.expire(alicesOldTab.subscription); // gone; her other browser takes it
        WebSdk bobs = browserOf("bob");
        pushService.throttle(bobs.subscription, 10, "0"); // 429 past max-attempts: failed
        browserOf(null); // a device of nobody's

        String publishId = http.publish(ID, SECRET, "users", "{\"users\":[\"carol\",\"bob\",\"alice\"],"
                + "\"web\":{\"notification\":{\"title\":\"Hi\"}}}").body().get("publishId").asText();

        WebhookReceiver.Hook hook = everything.next(WAIT);
        assertThat(hook.path()).isEqualTo("/beams");
        assertThat(hook.headers()).containsEntry("Webhook-ID-UUID", HOOK_ID);
        JsonNode payload = event(hook, "v1.PublishToUsersAttempt", "hook-secret");
        assertThat(payload.toString()).isEqualTo("{\"instance_id\":\"" + ID + "\",\"publish_id\":\"" + publishId + "\","
                + "\"users_delivered_to_gateway\":[\"alice\"],\"users_no_devices\":[\"carol\"],"
                + "\"users_gateway_failed\":[\"bob\"]}");
        assertThat(hook.body().get("custom_data").toString()).isEqualTo("{\"team\":\"web\"}");
        assertThat(everything.poll(QUIET)).as("one attempt per publish").isNull();
        assertThat(opens.poll(Duration.ZERO)).as("a webhook that wants opens only").isNull();

        // FCM and APNs are not delivered: a user with devices (browsers) is failed, one without has none.
        String mobileOnly = http.publish(ID, SECRET, "users", "{\"users\":[\"alice\",\"zed\"],"
                + "\"fcm\":{\"notification\":{\"title\":\"Hi\"}}}").body().get("publishId").asText();
        JsonNode attempt = event(everything.next(WAIT), "v1.PublishToUsersAttempt", "hook-secret");
        assertThat(attempt.get("publish_id").asText()).isEqualTo(mobileOnly);
        assertThat(attempt.toString()).endsWith("\"users_delivered_to_gateway\":[],\"users_no_devices\":[\"zed\"],"
                + "\"users_gateway_failed\":[\"alice\"]}");

        // A publish to interests is no publish to users.
        http.publish(ID, SECRET, "interests", "{\"interests\":[\"news\"],\"web\":{\"notification\":{\"title\":\"Hi\"}}}");
        assertThat(everything.poll(QUIET)).isNull();
    }

    @Test
    void browsersReportsOfAUsersDeviceAreAcknowledgementAndOpenEvents() throws Exception {
        WebSdk alices = browserOf("alice");
        WebSdk anonymous = browserOf(null);
        alices.addDeviceInterest("news");
        anonymous.addDeviceInterest("news");
        String publishId = http.publish(ID, SECRET, "interests", "{\"interests\":[\"news\"],"
                + "\"web\":{\"notification\":{\"title\":\"Hi\"}}}").body().get("publishId").asText();

        assertThat(report(anonymous, publishId, "delivery")).isEqualTo(200);
        assertThat(report(alices, publishId, "delivery")).isEqualTo(200);
        assertThat(report(alices, publishId, "delivery")).as("reported again").isEqualTo(200);
        JsonNode acknowledged = event(everything.next(WAIT), "v1.UserNotificationAcknowledgement", "hook-secret");
        assertThat(acknowledged.toString()).isEqualTo("{\"instance_id\":\"" + ID + "\",\"publish_id\":\"" + publishId
                + "\",\"user_id\":\"alice\"}");
        assertThat(everything.poll(QUIET)).as("once per device, and only a user's").isNull();

        assertThat(report(alices, publishId, "open")).isEqualTo(200);
        assertThat(event(everything.next(WAIT), "v1.UserNotificationOpen", "hook-secret").get("user_id").asText())
                .isEqualTo("alice");
        WebhookReceiver.Hook open = opens.next(WAIT);
        assertThat(event(open, "v1.UserNotificationOpen", "other-secret").get("publish_id").asText()).isEqualTo(publishId);
        assertThat(open.body().get("custom_data").toString()).isEqualTo("{}");
        assertThat(open.headers().get("Webhook-ID-UUID")).isNotEqualTo(HOOK_ID).matches("[0-9a-f-]{36}");
    }

    private int report(WebSdk device, String publishId, String event) {
        return http.fromBrowser("POST", "/reporting_api/v2/instances/" + ID + "/events", "{\"publishId\":\""
                + publishId + "\",\"deviceId\":\"" + device.deviceId + "\",\"event\":\"" + event + "\"}").status();
    }
}
