package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code herald trigger} as a scheduled job runs it, a real process: stdout is exactly
 * {@code {"success","event_id","channel","channels","event","error"}}, checked field by field.
 */
class TriggerJobResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneChannelPrintsTheJobResultShape() throws Exception {
        try (TestServer server = TestServer.start()) {
            HeraldProcess.Result ok = HeraldProcess.run(env(server, TestServer.APP.secret()),
                    "trigger", "-c", "orders", "-e", "created", "-m", "hello");
            HeraldProcess.Result refused = HeraldProcess.run(env(server, "wrong-secret"),
                    "trigger", "-c", "orders", "-e", "created", "-m", "hello");

            JsonNode success = JSON.readTree(ok.stdout());
            assertThat(ok.exitCode()).as("stderr: %s", ok.stderr()).isZero();
            assertThat(fields(success)).containsExactly("success", "event_id", "channel", "channels", "event", "error");
            assertThat(success.get("success").isBoolean()).isTrue();
            assertThat(success.get("success").asBoolean()).isTrue();
            assertThat(success.get("event_id").isTextual()).isTrue();
            assertThat(success.get("event_id").asText()).isNotBlank();
            assertThat(success.get("channel").isTextual()).isTrue();
            assertThat(success.get("channel").asText()).isEqualTo("orders");
            assertThat(success.get("channels").toString()).isEqualTo("[\"orders\"]");
            assertThat(success.get("event").asText()).isEqualTo("created");
            assertThat(success.get("error").isNull()).isTrue();

            JsonNode failure = JSON.readTree(refused.stdout());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(fields(failure)).containsExactly("success", "event_id", "channel", "channels", "event", "error");
            assertThat(failure.get("success").asBoolean()).isFalse();
            assertThat(failure.get("event_id").isNull()).isTrue();
            assertThat(failure.get("channel").asText()).isEqualTo("orders");
            assertThat(failure.get("event").asText()).isEqualTo("created");
            assertThat(failure.get("error").asText()).startsWith("HTTP 401: Invalid signature");
        }
    }

    @Test
    void severalChannelsHaveNoSingleChannel() throws Exception {
        JsonNode json = Cli.withoutEnvironment().run("trigger", "-c", "a", "-c", "b", "-e", "e", "-m", "x").json();
        assertThat(json.get("channel").isNull()).isTrue();
        assertThat(json.get("channels").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    private static Map<String, String> env(TestServer server, String secret) {
        return Map.of("PUSHER_APP_ID", TestServer.APP.id(), "PUSHER_KEY", TestServer.APP.key(),
                "PUSHER_SECRET", secret, "PUSHER_PORT", String.valueOf(server.port()));
    }

    private static List<String> fields(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
