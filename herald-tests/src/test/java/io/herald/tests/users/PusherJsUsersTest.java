package io.herald.tests.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.TestServer;
import io.herald.tests.compat.NodeRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * pusher-js 8 and the pusher Node SDK, unchanged, against sign-in and sendToUser, watchlists,
 * subscription counts and cache channels ({@code src/test/js/pusher-users.mjs}): proof that Herald
 * sends these events in exactly the shapes pusher-js reads.
 */
class PusherJsUsersTest {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");
    private static final List<String> SCENARIOS = List.of("signin-send-to-user", "watchlist", "subscription-count",
            "cache-channel");

    @Test
    void pusherJsSignsInWatchesUsersCountsSubscribersAndReadsCacheChannels() throws Exception {
        assertThat(SCRIPT_DIR.resolve("node_modules").resolve("pusher-js")).isDirectory();
        try (TestServer server = TestServer.start(b -> b.apps(List.of(
                TestServer.APP.toBuilder().subscriptionCounts(true).build())))) {
            NodeRun run = NodeRun.run(SCRIPT_DIR, Duration.ofSeconds(60), "pusher-users.mjs",
                    "--port", String.valueOf(server.port()));

            Map<String, JsonNode> results = run.jsonLines().stream()
                    .filter(line -> line.hasNonNull("scenario"))
                    .collect(Collectors.toMap(line -> line.get("scenario").asText(), Function.identity()));
            List<String> notPassed = SCENARIOS.stream()
                    .filter(s -> !results.containsKey(s) || !results.get(s).path("ok").asBoolean())
                    .toList();
            assertThat(notPassed).as("scenarios missing or failed; node output:%n%s", run.output()).isEmpty();
            assertThat(run.exitCode()).as("node output:%n%s", run.output()).isZero();
        }
    }
}
