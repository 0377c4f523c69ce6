package io.herald.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.ConsoleClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A console costs the node a bounded amount whatever it does: slow consoles are skipped, the rate is capped. */
class ConsoleLimitsTest {

    private static final String TOKEN = "console-token-for-tests-42";
    private static final String APP = TestServer.APP.id();

    /** One trigger that the feed reports as 100 entries (one per channel) of 2 KB each. */
    private static String hundredChannelTrigger(int n) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", "load-" + n).put("data", "x".repeat(2000));
        ArrayNode channels = body.putArray("channels");
        for (int c = 0; c < 100; c++) {
            channels.add("load-" + c);
        }
        return body.toString();
    }

    private static long count(List<JsonNode> entries, String type) {
        return entries.stream().filter(e -> e.path("type").asText().equals(type)).count();
    }

    private static long skipped(List<JsonNode> entries) {
        return entries.stream().filter(e -> e.path("type").asText().equals("skipped")).mapToLong(e -> e.path("count").asLong()).sum();
    }

    @Test
    void aConsoleThatNeverReadsHoldsAtMostItsQueueAndTheNodeServesOn() {
        int queueSize = 50;
        try (TestServer server = TestServer.start(b -> b.adminToken(TOKEN).consoleQueueSize(queueSize).consoleMaxRate(1_000_000));
             ConsoleClient stalled = ConsoleClient.connectWithoutReading(server.httpUrl(), TOKEN, APP);
             RecordingClient subscriber = server.connect()) {
            Eventually.check(Duration.ofSeconds(5), () -> assertThat(server.server().console().watchers()).isEqualTo(1));
            subscriber.subscribe("load-7");
            subscriber.assertSubscribed("load-7");
            int triggers = 200; // 20,000 entries, 40 MB of feed: far more than socket buffers take
            for (int n = 0; n < triggers; n++) {
                assertThat(server.api().post("/apps/" + APP + "/events", hundredChannelTrigger(n)).status()).isEqualTo(200);
                assertThat(server.server().console().queuedEntries()).isLessThanOrEqualTo(queueSize);
            }
            // the node still delivers to its subscribers and answers the API
            assertThat(subscriber.awaitEvent("load-" + (triggers - 1)).channel()).isEqualTo("load-7");

            stalled.startReading();
            Eventually.check(Duration.ofSeconds(15), () -> assertThat(count(stalled.entries(), "api_event")
                    + skipped(stalled.entries())).isEqualTo(triggers * 100L));
            assertThat(count(stalled.entries(), "api_event")).as("entries that reached the console").isLessThan(triggers * 100L);
            assertThat(skipped(stalled.entries())).isPositive();
        }
    }

    @Test
    void entriesPastTheRateAreSkippedAndCounted() {
        try (TestServer server = TestServer.start(b -> b.adminToken(TOKEN).consoleMaxRate(50));
             ConsoleClient console = ConsoleClient.watch(server.httpUrl(), TOKEN, APP)) {
            long started = System.nanoTime();
            for (int n = 0; n < 3; n++) {
                server.api().post("/apps/" + APP + "/events", hundredChannelTrigger(n));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Eventually.check(Duration.ofSeconds(10), () -> assertThat(count(console.entries(), "api_event")
                    + skipped(console.entries())).isEqualTo(300));
            long shown = count(console.entries(), "api_event");
            assertThat(shown).isLessThanOrEqualTo(50L * ((long) Math.ceil(seconds) + 1));
            assertThat(console.entries()).anyMatch(e -> e.path("reason").asText().equals("over console-max-rate"));
        }
    }

    @Test
    void consolesPastTheLimitAreRefused() {
        try (TestServer server = TestServer.start(b -> b.adminToken(TOKEN).consoleMaxWatchers(1));
             ConsoleClient first = ConsoleClient.watch(server.httpUrl(), TOKEN, APP);
             ConsoleClient second = ConsoleClient.connect(server.httpUrl(), "{\"token\":\"" + TOKEN + "\",\"app\":\"" + APP + "\"}")) {
            assertThat(second.closeCode(RecordingClient.TIMEOUT)).isEqualTo(4429);
        }
    }
}
