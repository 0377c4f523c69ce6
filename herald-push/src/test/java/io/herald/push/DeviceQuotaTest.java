package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone who knows an instance id may register devices, so an instance holds at most
 * {@code push.max-devices}: past it a new subscription is refused with 422 and a description naming
 * the setting, while subscriptions already registered may register again and other instances are not
 * affected.
 */
class DeviceQuotaTest {

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService browser;
    PushHttp http;

    @BeforeEach
    void start() throws Exception {
        ObjectNode push = PushServers.settings(dataDir);
        push.put("max-devices", 3);
        DeviceApiTest.ArrayNodes.instances(push, "one", "secret-one", "two", "secret-two");
        server = PushServers.start(push);
        browser = new TestPushService();
        http = new PushHttp(server.httpUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        browser.close();
    }

    @Test
    void aFullInstanceRefusesNewDevicesButNotKnownOnesNorOtherInstances() throws Exception {
        WebSdk first = new WebSdk(http, browser, "one").start();
        new WebSdk(http, browser, "one").start();
        new WebSdk(http, browser, "one").start();

        PushHttp.Answer refused = register("one", browser.subscribe(vapidKey("one")).token());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("description").asText()).contains("push.max-devices");

        PushHttp.Answer again = register("one", first.subscription.token());
        assertThat(again.status()).as("a registered subscription registering again").isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(first.deviceId);
        assertThat(register("two", browser.subscribe(vapidKey("two")).token()).status()).isEqualTo(200);
    }

    private String vapidKey(String instance) {
        return http.fromBrowser("GET", "/device_api/v1/instances/" + instance + "/web-vapid-public-key", null)
                .body().get("vapidPublicKey").asText();
    }

    private PushHttp.Answer register(String instance, String token) {
        return http.fromBrowser("POST", "/device_api/v1/instances/" + instance + "/devices/web",
                "{\"token\":\"" + token + "\",\"metadata\":{\"sdkVersion\":\"2.1.0\"}}");
    }
}
