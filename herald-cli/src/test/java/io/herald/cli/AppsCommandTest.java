package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code herald apps …} against a real node with apps in its embedded database. */
class AppsCommandTest {

    private static final String TOKEN = "admin-token-for-cli-tests";
    private static Path dataDir;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("herald-apps-cli-");
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "embedded").put("data-dir", dataDir.toString());
        server = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Cli admin() {
        return Cli.withoutEnvironment().env("HERALD_ADMIN_TOKEN", TOKEN).env("HERALD_ADMIN_URL", server.httpUrl());
    }

    @Test
    void createUpdateRotateDisableAndDeleteAnApp() {
        JsonNode created = admin().run("apps", "create", "--id", "cli-shop", "--max-connections", "5").assertSuccess();
        String key = created.path("app").path("key").asText();
        String secret = created.path("app").path("secret").asText();
        assertThat(secret).isNotBlank();
        assertThat(created.path("app").path("max_connections").asInt()).isEqualTo(5);

        JsonNode listed = admin().run("apps", "list").assertSuccess();
        assertThat(listed.path("apps").findValuesAsText("id")).contains("cli-shop", TestServer.APP.id());
        assertThat(listed.toString()).doesNotContain(secret);

        JsonNode updated = admin().run("apps", "update", "cli-shop", "--definition", "{\"limits\":{\"max_channels\":7}}",
                "--client-events", "false").assertSuccess();
        assertThat(updated.path("app").path("limits").path("max_channels").asInt()).isEqualTo(7);
        assertThat(updated.path("app").path("client_events").asBoolean()).isFalse();
        assertThat(updated.path("app").path("max_connections").asInt()).as("kept").isEqualTo(5);

        JsonNode rotated = admin().run("apps", "rotate-secret", "cli-shop", "--grace", "0").assertSuccess();
        String newSecret = rotated.path("app").path("secret").asText();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(server.api(App.of("cli-shop", key, newSecret)).post("/apps/cli-shop/events", event()).status()).isEqualTo(200);
        assertThat(server.api(App.of("cli-shop", key, secret)).post("/apps/cli-shop/events", event()).status()).isEqualTo(401);

        RecordingClient client = RecordingClient.connect(server.webSocketUrl(key));
        assertThat(client.socketId()).isNotNull();
        JsonNode disabled = admin().run("apps", "disable", "cli-shop").assertSuccess();
        assertThat(disabled.path("app").path("enabled").asBoolean()).isFalse();
        assertThat(client.closeCode(RecordingClient.TIMEOUT)).isEqualTo(4003);

        JsonNode deleted = admin().run("apps", "delete", "cli-shop").assertSuccess();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        admin().run("apps", "delete", "cli-shop").assertFailure(ExitCodes.FAILED, "HTTP 404");
    }

    @Test
    void refusalsAndMissingSettingsHaveTheirExitCodes() {
        admin().run("apps", "create", "--id", TestServer.APP.id()).assertFailure(ExitCodes.FAILED, "HTTP 409");
        admin().run("apps", "create", "--id", "x", "--max-connections", "-3").assertFailure(ExitCodes.FAILED, "HTTP 422: max_connections");
        admin().run("apps", "update", TestServer.APP.id()).assertFailure(ExitCodes.USAGE, "nothing to change");
        admin().run("apps", "create", "--definition", "{oops").assertFailure(ExitCodes.USAGE, "--definition is not valid JSON");
        Cli.withoutEnvironment().env("HERALD_ADMIN_URL", server.httpUrl()).run("apps", "list")
                .assertFailure(ExitCodes.USAGE, "HERALD_ADMIN_TOKEN");
        Cli.withoutEnvironment().run("apps", "list", "--url", server.httpUrl(), "--admin-token", "wrong-token-wrong-token")
                .assertFailure(ExitCodes.FAILED, "HTTP 401");
        Cli.withoutEnvironment().run("apps", "list", "--url", "http://127.0.0.1:1", "--admin-token", TOKEN)
                .assertFailure(ExitCodes.FAILED, "cannot connect");
    }

    @Test
    void textOutputIsReadable() {
        Cli.Result result = admin().run("apps", "list", "--output", "text");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(TestServer.APP.id() + "  key " + TestServer.APP.key());
    }

    private static String event() {
        return "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"{}\"}";
    }
}
