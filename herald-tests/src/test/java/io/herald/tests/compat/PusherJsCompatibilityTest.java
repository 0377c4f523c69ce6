package io.herald.tests.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The official JavaScript libraries, unchanged, against Herald: pusher-js (Node build) as the client and
 * the {@code pusher} Node SDK as the app server. The scenarios live in {@code src/test/js/pusher-compat.mjs},
 * which prints one JSON result line per scenario; Maven installs its packages with {@code npm ci} in
 * {@code generate-test-resources}.
 */
class PusherJsCompatibilityTest {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

    /** Listed here rather than taken from the script's output, so a scenario that never reports fails. */
    private static final List<String> SCENARIOS = List.of(
            "connection",
            "public-channel",
            "socket-id-exclusion",
            "private-channel",
            "presence-members",
            "presence-second-connection-of-same-user",
            "client-events",
            "client-event-on-presence-carries-user-id",
            "encrypted-channel",
            "channel-queries",
            "bad-signature");

    @Test
    void pusherJsAndTheNodeServerSdkPassEveryScenario() throws Exception {
        assertThat(SCRIPT_DIR.resolve("node_modules").resolve("pusher-js"))
                .as("pusher-js is not installed: run `npm ci` in %s (mvn verify does it in generate-test-resources)",
                        SCRIPT_DIR.toAbsolutePath())
                .isDirectory();
        try (TestServer server = TestServer.start()) {
            NodeRun run = NodeRun.run(SCRIPT_DIR, SCRIPT_TIMEOUT, scriptArguments(server.port(), TestServer.APP));
            System.out.print(run.output()); // per-scenario timings in the surefire report

            Map<String, JsonNode> results = run.jsonLines().stream()
                    .filter(line -> line.hasNonNull("scenario"))
                    .collect(Collectors.toMap(line -> line.get("scenario").asText(), Function.identity(), (a, b) -> b));
            List<String> notPassed = SCENARIOS.stream()
                    .filter(scenario -> !results.containsKey(scenario) || !results.get(scenario).path("ok").asBoolean())
                    .toList();
            assertThat(notPassed).as("scenarios missing or failed; node output:%n%s", run.output()).isEmpty();
            assertThat(run.finished()).as("node still running after %s:%n%s", SCRIPT_TIMEOUT, run.output()).isTrue();
            assertThat(run.exitCode()).as("node exit code; output:%n%s", run.output()).isZero();
        }
    }

    private static String[] scriptArguments(int port, App app) {
        return new String[] {
            "pusher-compat.mjs",
            "--port", String.valueOf(port),
            "--app-id", app.id(),
            "--key", app.key(),
            "--secret", app.secret()
        };
    }
}
