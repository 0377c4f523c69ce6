package io.herald.tests.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import io.herald.tests.compat.NodeRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * pusher-js and the pusher Node SDK, unchanged, against an app managed through the admin API of
 * another node (two nodes on one embedded app store): it connects within 1 s of its creation, both
 * secrets publish during a rotation's grace and only the new one after, and disabling it closes the
 * page's connection with 4003 without reconnects and refuses its publishes.
 */
class PusherJsAppLifecycleTest {

    private static final String TOKEN = "admin-token-for-tests-0123";

    @Test
    void pusherJsFollowsAnAppManagedOnAnotherNode() throws Exception {
        Path dataDir = Files.createTempDirectory("herald-apps-js-");
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "embedded").put("data-dir", dataDir.toString());
        try (TestServer a = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store));
             TestServer b = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store))) {
            NodeRun run = NodeRun.run(Path.of("src", "test", "js"), Duration.ofSeconds(60), "pusher-apps.mjs",
                    "--admin-url", a.httpUrl(), "--token", TOKEN, "--port", String.valueOf(b.port()));
            assertThat(run.exitCode()).as("pusher-apps.mjs output:%n%s", run.output()).isZero();
            JsonNode report = run.jsonLines().get(0);

            assertThat(report.path("created").asInt()).isEqualTo(201);
            assertThat(report.path("connectMs").asLong()).as("connected to node B after the creation on A").isLessThan(1_000);
            assertThat(report.path("publish").asInt()).isEqualTo(200);
            assertThat(report.path("rotated").asInt()).isEqualTo(200);
            assertThat(report.path("newSecretMs").asLong()).isLessThan(1_000);
            assertThat(report.path("oldSecretInGrace").asInt()).isEqualTo(200);
            assertThat(report.path("oldSecretAfterGrace").asInt()).isEqualTo(401);
            assertThat(report.path("newSecretAfterGrace").asInt()).isEqualTo(200);
            assertThat(report.path("disabled").asInt()).isEqualTo(200);
            assertThat(report.path("closedMs").asLong()).isLessThan(1_000);
            // pusher-js reports the pusher:error frame and the close, each with the code
            assertThat(report.path("errors")).isNotEmpty().allSatisfy(code -> assertThat(code.asInt()).isEqualTo(4003));
            assertThat(report.path("states").toString()).as("no reconnect").doesNotContain("\"connected\"", "\"connecting\"");
            assertThat(report.path("publishWhileDisabled").asInt()).isEqualTo(403);
            assertThat(report.path("received").toString()).contains("\"n\":1", "\"n\":3");
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
