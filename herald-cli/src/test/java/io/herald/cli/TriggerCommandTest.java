package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.cli.Cli.Result;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald trigger} in-process against a real server: what subscribers receive, the one JSON
 * object printed, and every way it can fail (success:false, a useful error, exit 1 or 2).
 */
class TriggerCommandTest {

    private static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void deliversAMessageAndPrintsTheEventIdChannelsAndEvent() {
        try (RecordingClient subscriber = server.connect()) {
            subscriber.subscribe("orders");
            subscriber.assertSubscribed("orders");

            Result result = Cli.forServer(server).run("trigger", "--channel", "orders", "--event", "created", "--message", "hello");

            JsonNode json = result.assertSuccess();
            assertThat(json.path("event_id").asText()).isNotBlank();
            assertThat(json.path("channels").toString()).isEqualTo("[\"orders\"]");
            assertThat(json.path("event").asText()).isEqualTo("created");
            assertThat(subscriber.awaitEvent("created").json().path("message").asText()).isEqualTo("hello");
        }
    }

    @Test
    void sendsDataFromAFileAndFromStdinToSeveralChannels() throws IOException {
        try (RecordingClient subscriber = server.connect()) {
            subscriber.subscribe("a");
            subscriber.assertSubscribed("a");
            Path file = Files.writeString(dir.resolve("order.json"), "{\"id\":42}\n");

            Cli.forServer(server).run("trigger", "-c", "a", "-c", "b", "-e", "from-file", "--data", "@" + file).assertSuccess();
            Cli.forServer(server).stdin("{\"id\":43}").run("trigger", "-c", "a", "-e", "from-stdin").assertSuccess();

            assertThat(subscriber.awaitEvent("from-file").json().path("id").asInt()).isEqualTo(42);
            assertThat(subscriber.awaitEvent("from-stdin").json().path("id").asInt()).isEqualTo(43);
        }
    }

    @Test
    void leavesOutTheSocketIdAndReportsInfo() {
        try (RecordingClient sender = server.connect(); RecordingClient other = server.connect()) {
            sender.subscribe("room");
            sender.assertSubscribed("room");
            other.subscribe("room");
            other.assertSubscribed("room");

            JsonNode json = Cli.forServer(server).run("trigger", "-c", "room", "-e", "said", "--data", "{}",
                    "--socket-id", sender.socketId(), "--info", "subscription_count").assertSuccess();

            assertThat(json.path("info").path("room").path("subscription_count").asInt()).isEqualTo(2);
            other.awaitEvent("said");
            sender.assertNoEvent(java.time.Duration.ofMillis(300));
        }
    }

    @Test
    void noChannelIsAValidationErrorWithExit2() {
        Cli.forServer(server).run("trigger", "--event", "e", "--message", "x")
                .assertFailure(2, "at least one channel");
    }

    @Test
    void moreThan100ChannelsIsAValidationErrorWithExit2() {
        List<String> args = new ArrayList<>(List.of("trigger", "--event", "e", "--message", "x"));
        for (int i = 0; i <= 100; i++) {
            args.add("--channel");
            args.add("c" + i);
        }

        JsonNode json = Cli.forServer(server).run(args.toArray(String[]::new)).assertFailure(2, "at most 100 channels, got 101");

        assertThat(json.path("channels").size()).isEqualTo(101);
        assertThat(json.get("event_id").isNull()).isTrue();
    }

    @Test
    void dataOver10KbIsAValidationErrorWithExit2() {
        String data = "\"" + "x".repeat(10 * 1024 - 1) + "\""; // 10 KB + 1 byte of JSON

        Cli.forServer(server).run("trigger", "-c", "big", "-e", "e", "--data", data)
                .assertFailure(2, "data is 10241 bytes; the limit is 10240");
    }

    @Test
    void aBadChannelNameIsAValidationErrorWithExit2() {
        Cli.forServer(server).run("trigger", "-c", "bad channel!", "-e", "e", "-m", "x")
                .assertFailure(2, "bad channel!");
    }

    @Test
    void dataThatIsNotJsonIsAValidationErrorWithExit2() {
        Cli.forServer(server).run("trigger", "-c", "a", "-e", "e", "--data", "{id:")
                .assertFailure(2, "--data is not valid JSON");
    }

    @Test
    void aWrongSecretIsHttp401WithExit1() {
        Cli.forServer(server).env("PUSHER_SECRET", "wrong").run("trigger", "-c", "a", "-e", "e", "-m", "x")
                .assertFailure(1, "HTTP 401: Invalid signature");
    }

    @Test
    void aServerThatIsDownIsANetworkErrorWithExit1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli.forServer(server).env("PUSHER_PORT", String.valueOf(closedPort)).run("trigger", "-c", "a", "-e", "e", "-m", "x")
                .assertFailure(1, "network error: cannot connect to http://127.0.0.1:" + closedPort);
    }

    @Test
    void textOutputPrintsALineOnSuccessAndTheErrorOnStderr() {
        Result ok = Cli.forServer(server).run("trigger", "-c", "a", "-e", "e", "-m", "x", "--output", "text");
        Result bad = Cli.forServer(server).run("trigger", "-e", "e", "-m", "x", "--output", "text");

        assertThat(ok.out()).startsWith("sent e to a (event id ");
        assertThat(ok.exitCode()).isZero();
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("herald: an event needs at least one channel");
        assertThat(bad.exitCode()).isEqualTo(2);
    }

    @Test
    void deliveredEventsCarryTheDataAsWritten() {
        try (RecordingClient subscriber = server.connect()) {
            subscriber.subscribe("exact");
            subscriber.assertSubscribed("exact");

            Cli.forServer(server).run("trigger", "-c", "exact", "-e", "e", "--data", "{\"a\": [1, 2]}").assertSuccess();

            ReceivedEvent event = subscriber.awaitEvent("e");
            assertThat(event.data().asText()).isEqualTo("{\"a\": [1, 2]}");
        }
    }
}
