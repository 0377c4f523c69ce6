package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ErrorCode;
import io.herald.server.app.AllowedOrigins;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.compat.NodeRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An app's {@code allowed-origins}: a page on another origin is refused after the upgrade with
 * {@code pusher:error} 4009 naming its origin, then close 4009 (pusher-js reports it and does not
 * reconnect); clients that send no {@code Origin} (servers, mobile apps) are not browsers and pass.
 */
class AllowedOriginsTest {

    private static final App LOCKED = App.builder("locked-id", "locked-key", "locked-secret")
            .allowedOrigins(new AllowedOrigins(List.of("https://www.example.com", "http://localhost:3000"))).build();
    private static final App OPEN = App.of("open-id", "open-key", "open-secret");

    @Test
    void aPageOnAnotherOriginIsRefusedWith4009NamingIt() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(LOCKED, OPEN)));
             RecordingClient evil = RecordingClient.connectFrom(server.webSocketUrl(LOCKED.key()), "https://evil.example")) {
            assertThat(evil.socketId()).isNull();
            assertThat(evil.assertError(ErrorCode.UNAUTHORIZED.code()))
                    .isEqualTo("Origin not allowed: https://evil.example (add it to the app's allowed-origins)");
            evil.assertClosed(4009);
        }
    }

    /** What an app using pusher-js sees: the refusal's code and message, and no reconnecting. */
    @Test
    void pusherJsOnAnotherOriginReportsTheRefusalAndStaysDisconnected() throws Exception {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(LOCKED, OPEN)))) {
            JsonNode refused = pusherJsFrom(server, "https://evil.example");
            assertThat(refused.get("errors")).hasSize(1);
            JsonNode error = refused.get("errors").get(0).get("error");
            assertThat(error.get("type").asText()).isEqualTo("PusherError");
            assertThat(error.get("data").get("code").asInt()).isEqualTo(4009);
            assertThat(error.get("data").get("message").asText()).startsWith("Origin not allowed: https://evil.example");
            assertThat(refused.get("states").toString()).as("no reconnect after the refusal").isEqualTo("[\"disconnected\"]");

            JsonNode listed = pusherJsFrom(server, "https://www.example.com");
            assertThat(listed.get("errors")).isEmpty();
            assertThat(listed.get("states").toString()).isEqualTo("[\"connected\"]");
        }
    }

    private static JsonNode pusherJsFrom(TestServer server, String origin) throws Exception {
        NodeRun run = NodeRun.run(Path.of("src", "test", "js"), Duration.ofSeconds(30), "pusher-origin.mjs",
                "--port", String.valueOf(server.port()), "--key", LOCKED.key(), "--origin", origin);
        assertThat(run.exitCode()).as("pusher-origin.mjs output:%n%s", run.output()).isZero();
        return run.jsonLines().get(0);
    }

    @Test
    void listedOriginsClientsWithoutAnOriginAndOtherAppsConnect() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(LOCKED, OPEN)));
             RecordingClient listed = RecordingClient.connectFrom(server.webSocketUrl(LOCKED.key()), "http://localhost:3000");
             RecordingClient noOrigin = RecordingClient.connect(server.webSocketUrl(LOCKED.key()));
             RecordingClient otherApp = RecordingClient.connectFrom(server.webSocketUrl(OPEN.key()), "https://evil.example")) {
            assertThat(listed.socketId()).isNotNull();
            assertThat(noOrigin.socketId()).isNotNull();
            assertThat(otherApp.socketId()).as("an app without allowed-origins takes any origin").isNotNull();
        }
    }
}
