package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.Eventually;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device API as the web SDK calls it, from a page on an allowed origin: preflights, metadata,
 * interests (paged, bounded), deletion, reports; bad input gets Beams errors; instances are isolated.
 */
@Timeout(120)
class DeviceApiTest {

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService pushService;
    PushHttp http;

    @BeforeEach
    void start() throws Exception {
        ObjectNode push = PushServers.settings(dataDir);
        push.putArray("allowed-origins").add(PushHttp.ORIGIN);
        push.put("max-interests-per-device", 5);
        ArrayNodes.instances(push, "one", "secret-one", "two", "secret-two");
        server = PushServers.start(push);
        pushService = new TestPushService();
        http = new PushHttp(server.httpUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        pushService.close();
    }

    @Test
    void preflightsFromAnAllowedOriginPassAndOthersAreRefused() {
        PushHttp.Answer allowed = http.send("OPTIONS", "/device_api/v1/instances/one/devices/web", null,
                "Origin", PushHttp.ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PushHttp.ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT", "DELETE");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");

        PushHttp.Answer refused = http.send("OPTIONS", "/device_api/v1/instances/one/devices/web", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        PushHttp.Answer key = http.fromBrowser("GET", "/device_api/v1/instances/one/web-vapid-public-key", null);
        assertThat(key.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PushHttp.ORIGIN);
        assertThat(http.send("OPTIONS", "/publish_api/v1/instances/one/publishes", null, "Origin", PushHttp.ORIGIN)
                .status()).as("the publish API is not for browsers").isEqualTo(405);
    }

    @Test
    void interestsAreSetPagedAddedAndRemoved() throws Exception {
        WebSdk sdk = new WebSdk(http, pushService, "one").start();
        String interests = sdk.devicePath() + "/interests";
        assertThat(http.fromBrowser("PUT", interests, "{\"interests\":[\"e\",\"a\",\"c\",\"a\"]}").status()).isEqualTo(200);
        assertThat(sdk.addDeviceInterest("b").status()).isEqualTo(200);
        assertThat(sdk.addDeviceInterest("b").status()).as("again").isEqualTo(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.fromBrowser("GET", interests + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    null).body();
            page.get("interests").forEach(i -> seen.add(i.asText()));
            cursor = page.at("/responseMetadata/nextCursor").asText(null);
        } while (cursor != null);
        assertThat(seen).containsExactly("a", "b", "c", "e");

        assertThat(http.fromBrowser("DELETE", interests + "/c", null).status()).isEqualTo(200);
        assertThat(http.fromBrowser("GET", interests, null).body().get("interests").toString())
                .isEqualTo("[\"a\",\"b\",\"e\"]");
        assertThat(http.fromBrowser("PUT", interests, "{\"interests\":[]}").status()).isEqualTo(200);
        assertThat(http.fromBrowser("GET", interests, null).body().get("interests")).isEmpty();
    }

    @Test
    void interestsPerDeviceAreBounded() throws Exception {
        WebSdk sdk = new WebSdk(http, pushService, "one").start();
        PushHttp.Answer tooMany = http.fromBrowser("PUT", sdk.devicePath() + "/interests",
                "{\"interests\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("description").asText()).contains("at most 5");
        for (String i : List.of("a", "b", "c", "d", "e")) {
            assertThat(sdk.addDeviceInterest(i).status()).isEqualTo(200);
        }
        assertThat(sdk.addDeviceInterest("f").status()).isEqualTo(400);
        assertThat(sdk.addDeviceInterest("e").status()).as("one it has").isEqualTo(200);
    }

    @Test
    void metadataGetAndDeleteWorkAndTheSameSubscriptionKeepsItsDevice() throws Exception {
        WebSdk sdk = new WebSdk(http, pushService, "one").start();
        assertThat(http.fromBrowser("PUT", sdk.devicePath() + "/metadata", "{\"sdkVersion\":\"2.1.1\"}").status())
                .isEqualTo(200);
        JsonNode device = http.fromBrowser("GET", sdk.devicePath(), null).body();
        assertThat(device.get("id").asText()).isEqualTo(sdk.deviceId);
        assertThat(device.at("/metadata/sdkVersion").asText()).isEqualTo("2.1.1");

        PushHttp.Answer again = http.fromBrowser("POST", "/device_api/v1/instances/one/devices/web",
                "{\"token\":\"" + sdk.subscription.token() + "\",\"metadata\":{\"sdkVersion\":\"2.1.0\"}}");
        assertThat(again.body().get("id").asText()).isEqualTo(sdk.deviceId);

        assertThat(http.fromBrowser("DELETE", sdk.devicePath(), null).status()).isEqualTo(200);
        PushHttp.Answer gone = http.fromBrowser("GET", sdk.devicePath(), null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("error").asText()).isEqualTo("Not Found");
        assertThat(http.fromBrowser("DELETE", sdk.devicePath(), null).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsBeamsErrors() throws Exception {
        String devices = "/device_api/v1/instances/one/devices/web";
        assertBeamsError(http.fromBrowser("POST", devices, "{\"token\":\"bm90IGpzb24=\"}"), 400);
        assertBeamsError(http.fromBrowser("POST", devices, "{\"token\":42}"), 400);
        assertBeamsError(http.fromBrowser("POST", devices, "not json"), 400);
        String badKeys = java.util.Base64.getEncoder().encodeToString(
                "{\"endpoint\":\"http://127.0.0.1/x\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"AAAA\"}}".getBytes());
        PushHttp.Answer refusedKeys = http.fromBrowser("POST", devices, "{\"token\":\"" + badKeys + "\"}");
        assertBeamsError(refusedKeys, 400);
        assertThat(refusedKeys.body().get("description").asText()).contains("keys.p256dh");
        String badEndpoint = java.util.Base64.getEncoder().encodeToString(
                "{\"endpoint\":\"file:///etc/passwd\",\"keys\":{}}".getBytes());
        assertBeamsError(http.fromBrowser("POST", devices, "{\"token\":\"" + badEndpoint + "\"}"), 400);

        WebSdk sdk = new WebSdk(http, pushService, "one").start();
        assertBeamsError(sdk.addDeviceInterest("no spaces"), 422);
        assertBeamsError(sdk.addDeviceInterest("x".repeat(165)), 422);
        assertBeamsError(http.fromBrowser("GET", sdk.devicePath() + "/interests?limit=0", null), 400);
        assertBeamsError(http.fromBrowser("GET", sdk.devicePath() + "/interests?cursor=!!!", null), 400);
        assertBeamsError(http.fromBrowser("PATCH", sdk.devicePath(), null), 405);
        assertBeamsError(http.fromBrowser("GET", "/device_api/v1/instances/nope/web-vapid-public-key", null), 404);
        assertBeamsError(http.fromBrowser("GET", "/device_api/v1/instances/one/elsewhere", null), 404);
    }

    @Test
    void anInstanceNeverSeesAnothersDevicesOrKeys() throws Exception {
        WebSdk inOne = new WebSdk(http, pushService, "one").start();
        inOne.addDeviceInterest("shared");
        String key1 = http.fromBrowser("GET", "/device_api/v1/instances/one/web-vapid-public-key", null)
                .body().get("vapidPublicKey").asText();
        String key2 = http.fromBrowser("GET", "/device_api/v1/instances/two/web-vapid-public-key", null)
                .body().get("vapidPublicKey").asText();
        assertThat(key1).isNotEqualTo(key2);

        String sameDeviceInTwo = "/device_api/v1/instances/two/devices/web/" + inOne.deviceId;
        assertThat(http.fromBrowser("GET", sameDeviceInTwo, null).status()).isEqualTo(404);
        assertThat(http.fromBrowser("DELETE", sameDeviceInTwo, null).status()).isEqualTo(404);
        assertThat(http.publish("two", "secret-one", "interests", "{\"interests\":[\"shared\"],\"web\":{}}").status())
                .as("one's secret in two").isEqualTo(401);
        String publishId = http.publish("two", "secret-two", "interests",
                "{\"interests\":[\"shared\"],\"web\":{\"notification\":{\"title\":\"x\"}}}").body().get("publishId").asText();
        Eventually.check(Duration.ofSeconds(10), () -> {
            JsonNode status = http.send("GET", "/publish_api/v1/instances/two/publishes/" + publishId, null,
                    "Authorization", "Bearer secret-two").body();
            assertThat(status.at("/web/expanding").asBoolean()).as("expanding, in %s", status).isFalse();
            assertThat(status.at("/web/targets").asInt()).as("one's device, in %s", status).isZero();
        });
        assertThat(http.send("GET", "/publish_api/v1/instances/one/publishes/" + publishId, null,
                "Authorization", "Bearer secret-one").status()).isEqualTo(404);
    }

    @Test
    void reportsCountOncePerDeviceForKnownPublishesOnly() throws Exception {
        WebSdk sdk = new WebSdk(http, pushService, "one").start();
        sdk.addDeviceInterest("r");
        String publishId = http.publish("one", "secret-one", "interests",
                "{\"interests\":[\"r\"],\"web\":{\"notification\":{\"title\":\"x\"}}}").body().get("publishId").asText();
        String report = "{\"publishId\":\"" + publishId + "\",\"event\":\"%s\",\"deviceId\":\"" + sdk.deviceId
                + "\",\"userId\":null,\"timestampSecs\":1700000000,\"appInBackground\":true,"
                + "\"hasDisplayableContent\":true,\"hasData\":false}";
        String events = "/reporting_api/v2/instances/one/events";
        assertThat(http.fromBrowser("POST", events, report.formatted("delivery")).status()).isEqualTo(200);
        assertThat(http.fromBrowser("POST", events, report.formatted("delivery")).status()).isEqualTo(200);
        assertThat(http.fromBrowser("POST", events, report.formatted("open")).status()).isEqualTo(200);
        assertBeamsError(http.fromBrowser("POST", events, report.formatted("clicked")), 400);
        assertBeamsError(http.fromBrowser("POST", "/reporting_api/v2/instances/two/events", report.formatted("open")), 404);

        JsonNode status = http.send("GET", "/publish_api/v1/instances/one/publishes/" + publishId, null,
                "Authorization", "Bearer secret-one").body();
        assertThat(status.at("/events/delivery").asInt()).isEqualTo(1);
        assertThat(status.at("/events/open").asInt()).isEqualTo(1);
    }

    static void assertBeamsError(PushHttp.Answer answer, int status) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.body().get("error").asText()).isNotBlank();
        assertThat(answer.body().get("description").asText()).isNotBlank();
    }

    /** Builds the {@code instances} list of a push block. */
    static final class ArrayNodes {
        static void instances(ObjectNode push, String... idsAndSecrets) {
            var list = push.putArray("instances");
            for (int i = 0; i < idsAndSecrets.length; i += 2) {
                list.addObject().put("id", idsAndSecrets[i]).put("secret", idsAndSecrets[i + 1]);
            }
        }
    }
}
