package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.store.Store;
import io.herald.store.StoreOptions;
import io.herald.testkit.Eventually;
import io.herald.testkit.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push.endpoint-hosts} keeps the node's Web Push requests on push services: a registration naming
 * another host is refused with a Beams 400 and stores nothing, and a device stored before the setting
 * was narrowed is not contacted (its delivery counts as failed, the device stays).
 */
@Timeout(120)
class DeviceEndpointHostsTest {

    private static final String ID = "instance-id";
    private static final String SECRET = "instance-secret";
    private static final String DEVICES = "/device_api/v1/instances/" + ID + "/devices/web";

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService pushService;
    PushHttp http;

    @BeforeEach
    void startPushService() throws Exception {
        pushService = new TestPushService();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        pushService.close();
    }

    /** A server with {@code endpoint-hosts} set to {@code hosts}, or at its default when null. */
    private void start(String hosts) {
        ObjectNode push = PushServers.settings(dataDir);
        if (hosts == null) {
            push.remove("endpoint-hosts");
        } else {
            push.put("endpoint-hosts", hosts);
        }
        server = PushServers.start(push);
        http = new PushHttp(server.httpUrl());
    }

    @Test
    void underTheDefaultAnEndpointOnAnInternalHostIsRefusedAndNothingIsStored() throws Exception {
        start(null);
        for (String endpoint : List.of("http://169.254.169.254/latest/meta-data", "http://127.0.0.1:1/x",
                "https://10.0.0.5:8080/admin", "http://fcm.googleapis.com/fcm/send/plain-http")) {
            PushHttp.Answer refused = register(endpoint);
            assertThat(refused.status()).as(endpoint).isEqualTo(400);
            assertThat(refused.error()).isEqualTo("Bad Request");
            assertThat(refused.body().path("description").asText()).as(endpoint)
                    .contains(URI.create(endpoint).getHost()).contains("push.endpoint-hosts");
        }
        assertThat(register("https://web.push.apple.com/QGx-safari").status()).as("Safari's push service").isEqualTo(200);

        server.close();
        server = null;
        assertThat(storedEndpoints()).containsExactly("https://web.push.apple.com/QGx-safari");
    }

    @Test
    void aSuffixPatternAllowsSubdomainsAndNotLookAlikes() throws Exception {
        start("*.push.apple.com");
        assertThat(register("https://web.push.apple.com/x").status()).isEqualTo(200);
        assertThat(register("https://evil-push.apple.com.attacker.net/x").status()).isEqualTo(400);
        assertThat(register("https://xpush.apple.com/x").status()).isEqualTo(400);
        assertThat(register("http://web.push.apple.com/x").status()).as("plain http").isEqualTo(400);
    }

    @Test
    void starAllowsALoopbackPushService() throws Exception {
        start("*");
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("local");

        http.publish(ID, SECRET, "interests", "{\"interests\":[\"local\"],\"web\":{\"notification\":{\"title\":\"x\"}}}");

        assertThat(pushService.next(Duration.ofSeconds(20)).subscription()).isEqualTo(browser.subscription.id());
    }

    @Test
    void aStoredDeviceWhoseHostIsNoLongerAllowedIsNotContacted() throws Exception {
        start("http://127.0.0.1");
        WebSdk browser = new WebSdk(http, pushService, ID).start();
        browser.addDeviceInterest("news");
        http.publish(ID, SECRET, "interests", "{\"interests\":[\"news\"],\"web\":{\"notification\":{\"title\":\"1\"}}}");
        assertThat(pushService.next(Duration.ofSeconds(20)).subscription()).as("reachable while allowed")
                .isEqualTo(browser.subscription.id());

        server.close();
        start(null);
        String publishId = http.publish(ID, SECRET, "interests",
                "{\"interests\":[\"news\"],\"web\":{\"notification\":{\"title\":\"2\"}}}").body().get("publishId").asText();

        Eventually.check(Duration.ofSeconds(20), () -> {
            JsonNode status = http.send("GET", "/publish_api/v1/instances/" + ID + "/publishes/" + publishId, null,
                    "Authorization", "Bearer " + SECRET).body();
            assertThat(status.at("/web/failed").asInt()).as("failed, in %s", status).isEqualTo(1);
            assertThat(status.at("/web/sent").asInt()).isZero();
            assertThat(status.at("/web/removed").asInt()).isZero();
        });
        assertThat(pushService.poll(Duration.ofSeconds(1))).as("a push after the setting was narrowed").isNull();
        assertThat(pushService.requests()).as("requests at the push service").isEqualTo(1);
        assertThat(http.fromBrowser("GET", browser.devicePath(), null).status()).as("the device stays").isEqualTo(200);
    }

    /** Registers a subscription with real keys and {@code endpoint}, as the web SDK would. */
    private PushHttp.Answer register(String endpoint) throws Exception {
        String key = http.fromBrowser("GET", "/device_api/v1/instances/" + ID + "/web-vapid-public-key", null)
                .body().get("vapidPublicKey").asText();
        TestPushService.Subscription s = pushService.subscribe(key);
        TestPushService.Subscription elsewhere = new TestPushService.Subscription(s.id(), s.keys(), s.auth(), endpoint,
                s.applicationServerKey());
        return http.fromBrowser("POST", DEVICES, "{\"token\":\"" + elsewhere.token() + "\",\"metadata\":{\"sdkVersion\":\""
                + WebSdk.SDK_VERSION + "\"}}");
    }

    /** The endpoints of the devices in the store, read once the server has stopped. */
    private List<String> storedEndpoints() {
        try (Store store = Store.open(StoreOptions.embedded(dataDir), PushExtension.MIGRATIONS)) {
            return store.transaction(c -> {
                List<String> endpoints = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT endpoint FROM push_devices")) {
                    while (r.next()) {
                        endpoints.add(r.getString(1));
                    }
                }
                return endpoints;
            });
        }
    }
}
