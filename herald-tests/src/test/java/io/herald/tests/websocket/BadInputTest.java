package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames the server can't use: each gets {@code pusher:error} with a message and the server carries on. */
class BadInputTest {

    private static final int MAX_FRAME_SIZE = 1024;
    /** RFC 6455 close code for a message too big to process. */
    private static final int MESSAGE_TOO_BIG = 1009;

    private static TestServer startServer() {
        return TestServer.start(b -> b.maxFrameSize(MAX_FRAME_SIZE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "",
        "[{\"event\":\"pusher:ping\"}]",
        "\"pusher:ping\"",
        "42",
        "null",
        "{\"data\":{}}",
        "{\"event\":\"\"}",
        "{\"event\":7}",
        "{\"event\":\"no-such-event\",\"data\":{}}",
        "{\"event\":\"pusher:subscribe\",\"data\":\"not an object\"}",
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":5}}",
        "{\"event\":\"pusher:unsubscribe\",\"data\":{}}",
        "{\"event\":\"pusher_internal:member_added\",\"channel\":\"presence-x\",\"data\":{}}"})
    void unusableTextFrameGetsAnErrorAndTheConnectionStays(String frame) {
        try (TestServer server = startServer(); RecordingClient client = server.connect()) {
            client.sendText(frame);
            assertErrorWithoutCode(client);
            Wire.assertOpen(client);
        }
    }

    @Test
    void binaryFrameGetsAnErrorAndTheConnectionStays() {
        try (TestServer server = startServer(); RecordingClient client = server.connect()) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertErrorWithoutCode(client);
            Wire.assertOpen(client);
        }
    }

    @Test
    void oversizedTextFrameGetsAnErrorThenClose1009() {
        try (TestServer server = startServer(); RecordingClient client = server.connect()) {
            client.sendText("{\"event\":\"pusher:ping\",\"data\":\"" + "x".repeat(MAX_FRAME_SIZE) + "\"}");
            assertThat(Wire.errorData(client).path("message").asText()).contains(Integer.toString(MAX_FRAME_SIZE));
            client.assertClosed(MESSAGE_TOO_BIG);
        }
    }

    @Test
    void frameJustUnderTheSizeLimitIsAccepted() {
        try (TestServer server = startServer(); RecordingClient client = server.connect()) {
            String prefix = "{\"event\":\"pusher:ping\",\"data\":\"";
            client.sendText(prefix + "x".repeat(MAX_FRAME_SIZE - prefix.length() - 2) + "\"}");
            Wire.assertOpen(client);
        }
    }

    @Test
    void serverKeepsServingNewConnectionsAfterBadInput() {
        try (TestServer server = startServer()) {
            try (RecordingClient bad = server.connect()) {
                bad.sendText("{not json");
                bad.sendText("[]");
                bad.sendBinary(new byte[] {0});
                bad.sendText("x".repeat(MAX_FRAME_SIZE + 1));
                bad.assertClosed(MESSAGE_TOO_BIG);
            }
            try (RecordingClient good = server.connect()) {
                Wire.subscribe(good, "news");
                Wire.trigger(server, "news", "flash", "{}");
                good.awaitEvent("flash");
            }
        }
    }

    private static void assertErrorWithoutCode(RecordingClient client) {
        JsonNode error = Wire.errorData(client);
        assertThat(error.get("code").isNull()).as("code in %s", error).isTrue();
    }
}
