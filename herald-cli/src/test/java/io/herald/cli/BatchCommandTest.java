package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald batch}: a JSON array of events from stdin or a file, at most 10. */
class BatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void publishesABatchFromStdinAndPrintsEachEventId() {
        try (TestServer server = TestServer.start(); RecordingClient subscriber = server.connect()) {
            subscriber.subscribe("a");
            subscriber.assertSubscribed("a");
            String batch = "[{\"channel\":\"a\",\"name\":\"first\",\"data\":{\"n\":1}},"
                    + "{\"channel\":\"b\",\"event\":\"second\",\"data\":\"plain\"}]";

            JsonNode json = Cli.forServer(server).stdin(batch).run("batch").assertSuccess();

            assertThat(json.path("events")).hasSize(2);
            assertThat(json.path("events").get(0).path("channel").asText()).isEqualTo("a");
            assertThat(json.path("events").get(1).path("event").asText()).isEqualTo("second");
            assertThat(json.path("events").get(0).path("event_id").asText()).isNotBlank();
            assertThat(subscriber.awaitEvent("first").json().path("n").asInt()).isEqualTo(1);
        }
    }

    @Test
    void readsTheBatchFromAFile() throws IOException {
        try (TestServer server = TestServer.start()) {
            Path file = Files.writeString(dir.resolve("events.json"), "[{\"channel\":\"a\",\"name\":\"e\",\"data\":\"x\"}]");

            Cli.forServer(server).run("batch", file.toString()).assertSuccess();
        }
    }

    @Test
    void moreThanTenEventsIsAValidationErrorWithExit2() {
        try (TestServer server = TestServer.start()) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 11; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"channel\":\"a\",\"name\":\"e\",\"data\":\"x\"}");
            }

            Cli.forServer(server).stdin(batch.append("]").toString()).run("batch").assertFailure(2, "at most 10 events, got 11");
        }
    }

    @Test
    void aBatchThatIsNotAnArrayIsExit2() {
        try (TestServer server = TestServer.start()) {
            Cli.forServer(server).stdin("{\"channel\":\"a\"}").run("batch").assertFailure(2, "JSON array");
        }
    }
}
