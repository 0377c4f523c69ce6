package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beams user tokens bind a device to a user: the token the official SDKs make is accepted; forged,
 * expired, wrong-issuer and malformed ones are refused; a device has one user, a user at most
 * {@code max-devices-per-user} devices; publishing to users reaches them and deleting a user removes them.
 */
@Timeout(120)
class UserTokenTest {

    private static final String ID = "instance-id";
    private static final String SECRET = "instance-secret";
    private static final String ISSUER = "https://" + ID + ".pushnotifications.pusher.com";

    @TempDir
    Path dataDir;
    TestServer server;
    TestPushService pushService;
    PushHttp http;

    @BeforeEach
    void start() throws Exception {
        server = PushServers.start(PushServers.settings(dataDir).put("max-devices-per-user", 2));
        pushService = new TestPushService();
        http = new PushHttp(server.httpUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        pushService.close();
    }

    /** As the Node SDK's generateToken: HS256, sub, iss, exp 24 h ahead. */
    static String token(String secret, String issuer, String userId, Instant expires) {
        return JWT.create().withSubject(userId).withIssuer(issuer).withExpiresAt(expires)
                .withIssuedAt(Instant.now()).sign(Algorithm.HMAC256(secret));
    }

    static String token(String userId) {
        return token(SECRET, ISSUER, userId, Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void aUsersDevicesGetPublishesToTheUser() throws Exception {
        WebSdk phone = new WebSdk(http, pushService, ID).start();
        assertThat(phone.setUserId(token("alice")).status()).isEqualTo(200);
        assertThat(http.fromBrowser("GET", phone.devicePath(), null).body().get("userId").asText()).isEqualTo("alice");

        PushHttp.Answer published = http.publish(ID, SECRET, "users",
                "{\"users\":[\"alice\",\"bob\"],\"web\":{\"notification\":{\"title\":\"for alice\"}}}");
        assertThat(published.status()).isEqualTo(200);
        TestPushService.Received message = pushService.next(Duration.ofSeconds(20));
        assertThat(message.subscription()).isEqualTo(phone.subscription.id());
        assertThat(message.json()).contains(published.body().get("publishId").asText());
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() throws Exception {
        WebSdk device = new WebSdk(http, pushService, ID).start();
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

        PushHttp.Answer forged = device.setUserId(token("not-the-secret", ISSUER, "alice", tomorrow));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.error()).isEqualTo("Unauthorized");
        assertThat(device.setUserId(token(SECRET, ISSUER, "alice", Instant.now().minusSeconds(3600))).status())
                .as("expired an hour ago").isEqualTo(401);
        assertThat(device.setUserId(token(SECRET, "https://other.pushnotifications.pusher.com", "alice", tomorrow))
                .status()).as("another instance's issuer").isEqualTo(403);
        assertThat(device.setUserId(JWT.create().withSubject("alice").withIssuer(ISSUER)
                .sign(Algorithm.HMAC256(SECRET))).status()).as("no exp").isEqualTo(401);
        assertThat(device.setUserId("not.a.jwt").status()).isEqualTo(401);
        assertThat(http.fromBrowser("PUT", device.devicePath() + "/user", null).status()).as("no token").isEqualTo(401);
        assertThat(http.fromBrowser("GET", device.devicePath(), null).body().has("userId")).isFalse();
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkew() throws Exception {
        WebSdk device = new WebSdk(http, pushService, ID).start();
        assertThat(device.setUserId(token(SECRET, ISSUER, "alice", Instant.now().minusSeconds(5))).status())
                .isEqualTo(200);
    }

    @Test
    void aDeviceHasOneUserAndAUserAtMostTheLimitOfDevices() throws Exception {
        WebSdk first = new WebSdk(http, pushService, ID).start();
        assertThat(first.setUserId(token("alice")).status()).isEqualTo(200);
        assertThat(first.setUserId(token("alice")).status()).as("the same user again").isEqualTo(200);
        assertThat(first.setUserId(token("bob")).status()).as("another user").isEqualTo(400);

        assertThat(new WebSdk(http, pushService, ID).start().setUserId(token("alice")).status()).isEqualTo(200);
        PushHttp.Answer third = new WebSdk(http, pushService, ID).start().setUserId(token("alice"));
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.body().get("description").asText()).contains("at most 2 devices");
    }

    @Test
    void deletingAUserRemovesItsDevicesThroughBothPaths() throws Exception {
        WebSdk a = new WebSdk(http, pushService, ID).start();
        a.setUserId(token("alice"));
        WebSdk b = new WebSdk(http, pushService, ID).start();
        b.setUserId(token("bob@example.com"));

        assertThat(http.send("DELETE", "/customer_api/v1/instances/" + ID + "/users/alice", null).status())
                .as("without the secret key").isEqualTo(401);
        assertThat(http.send("DELETE", "/customer_api/v1/instances/" + ID + "/users/alice", null,
                "Authorization", "Bearer " + SECRET).status()).isEqualTo(200);
        assertThat(http.send("DELETE", "/user_api/v1/instances/" + ID + "/users/bob%40example.com", null,
                "Authorization", "Bearer " + SECRET).status()).isEqualTo(200);

        assertThat(http.fromBrowser("GET", a.devicePath(), null).status()).isEqualTo(404);
        assertThat(http.fromBrowser("GET", b.devicePath(), null).status()).isEqualTo(404);
    }
}
