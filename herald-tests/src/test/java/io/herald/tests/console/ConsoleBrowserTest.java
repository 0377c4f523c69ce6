package io.herald.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.sdk.HeraldRest;
import io.herald.tests.compat.NodeRun;
import io.herald.tests.support.SdkClients;
import io.herald.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The debug console in a real browser (Debian's chromium, headless, driven by playwright-core from
 * {@code src/test/js/console-browser.mjs}) while the Java SDK publishes: login, app choice, the SDK's
 * event in the feed with its data, filters, pause, the event creator reaching a pusher-js client, clear.
 * Leaves a screenshot at {@code target/console-screenshot.png}.
 */
class ConsoleBrowserTest {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOT = Path.of("target", "console-screenshot.png").toAbsolutePath();
    private static final String TOKEN = "browser-console-token-0001";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> STEPS = List.of("page-loads", "wrong-token-refused", "login-and-choose-app",
            "pusher-js-connection-and-subscription-rows", "sdk-event-row-with-data", "counters", "filter-by-event-type-and-text", "pause-and-resume",
            "event-creator-reaches-pusher-js", "screenshot", "clear", "no-page-errors");

    @Test
    void theConsoleShowsTheFeedFiltersAndPublishesInChromium() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium is needed (.ci/run installs it: apt-get install chromium)").isExecutable();
        assertThat(SCRIPT_DIR.resolve("node_modules").resolve("playwright-core"))
                .as("playwright-core is not installed: run `npm ci` in %s", SCRIPT_DIR.toAbsolutePath()).isDirectory();
        Files.deleteIfExists(SCREENSHOT);
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        try (TestServer server = TestServer.start(b -> b.adminToken(TOKEN))) {
            HeraldRest sdk = SdkClients.forServer(server, TestServer.APP);
            publisher.scheduleWithFixedDelay(() -> sdk.trigger("orders", "sdk-event",
                    Map.of("order", 42, "source", "java-sdk")), 0, 400, TimeUnit.MILLISECONDS);

            NodeRun run = NodeRun.run(SCRIPT_DIR, SCRIPT_TIMEOUT, "console-browser.mjs",
                    "--port", String.valueOf(server.port()), "--token", TOKEN, "--app-id", TestServer.APP.id(),
                    "--key", TestServer.APP.key(), "--screenshot", SCREENSHOT.toString(), "--chromium", CHROMIUM.toString());
            System.out.print(run.output());

            Map<String, JsonNode> steps = run.jsonLines().stream().filter(line -> line.hasNonNull("step"))
                    .collect(Collectors.toMap(line -> line.get("step").asText(), Function.identity(), (a, b) -> b));
            List<String> notPassed = STEPS.stream()
                    .filter(step -> !steps.containsKey(step) || !steps.get(step).path("ok").asBoolean()).toList();
            assertThat(notPassed).as("steps missing or failed; node output:%n%s", run.output()).isEmpty();
            assertThat(run.exitCode()).as("node exit code; output:%n%s", run.output()).isZero();
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        } finally {
            publisher.shutdownNow();
        }
    }
}
