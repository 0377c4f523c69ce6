package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.server.session.Connection;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that stops reading is cut off once its unsent data passes the outbound buffer limit,
 * while the channel's other subscribers keep receiving every event.
 */
class SlowConsumerTest {

    private static final int OUTBOUND_BUFFER_LIMIT = 64 * 1024;
    private static final String CHANNEL = "firehose";
    /**
     * Batches of ~50 KB, many landing in one event-loop turn: the normal subscriber must get them all,
     * though together they are far over the limit before the turn's flush (Connection sends early).
     */
    private static final int EVENTS_PER_BATCH = 10;
    private static final String PAYLOAD = "x".repeat(5_000);
    /** ~6 MB in total: well past what the loopback socket buffers can hide from the server. */
    private static final int BATCHES = 120;
    private static final int TOTAL_EVENTS = BATCHES * EVENTS_PER_BATCH;

    private static TestServer startServer() {
        return TestServer.start(b -> b.outboundBufferLimit(OUTBOUND_BUFFER_LIMIT));
    }

    @Test
    void readerThatNeverReadsIsDisconnectedWhileANormalSubscriberGetsEveryEvent() throws IOException {
        try (TestServer server = startServer();
             RecordingClient normal = subscribedClient(server);
             RawWebSocket slow = subscribedSlowReader(server)) {
            flood(server);
            assertReceivedAll(normal);

            Duration grace = Duration.ofSeconds(Connection.CLOSE_GRACE_SECONDS + 5);
            Wire.awaitConnectionCount(server, 1, grace);

            int read = 0;
            try {
                while (true) {
                    if (slow.readFrame().opcode() == RawWebSocket.OPCODE_TEXT) {
                        read++;
                    }
                }
            } catch (EOFException | SocketException streamEnded) {
                // the server dropped the socket: what was still in kernel buffers arrives, then the end
            }
            assertThat(read).as("events that reached the slow reader").isLessThan(TOTAL_EVENTS);
            Wire.assertOpen(normal);
        }
    }

    @Test
    void readerThatResumesWithinTheGraceReceivesCloseCode4100() throws IOException {
        try (TestServer server = startServer();
             RecordingClient normal = subscribedClient(server);
             RawWebSocket slow = subscribedSlowReader(server)) {
            flood(server);

            int code = ErrorCode.OVER_CAPACITY.code();
            int read = 0;
            RawWebSocket.Frame frame;
            List<String> errors = new ArrayList<>();
            while ((frame = slow.readFrame()).opcode() != RawWebSocket.OPCODE_CLOSE) {
                if (frame.text().startsWith("{\"event\":\"pusher:error\"")) {
                    errors.add(frame.text());
                } else {
                    read++;
                }
            }
            assertThat(frame.closeCode()).isEqualTo(code);
            assertThat(errors).singleElement().asString().contains("\"code\":" + code);
            assertThat(read).as("events that reached the slow reader").isLessThan(TOTAL_EVENTS);
            assertReceivedAll(normal);
        }
    }

    private static RecordingClient subscribedClient(TestServer server) {
        RecordingClient client = server.connect();
        Wire.subscribe(client, CHANNEL);
        return client;
    }

    /** A raw socket with a tiny receive window, subscribed to the channel; the test then stops reading. */
    private static RawWebSocket subscribedSlowReader(TestServer server) throws IOException {
        RawWebSocket slow = RawWebSocket.connect(server.port(), "/app/" + TestServer.APP.key() + "?protocol=7", 4096);
        slow.readTextContaining("pusher:connection_established");
        slow.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + CHANNEL + "\"}}");
        slow.readTextContaining("pusher_internal:subscription_succeeded");
        return slow;
    }

    private static void flood(TestServer server) {
        List<String> batch = Collections.nCopies(EVENTS_PER_BATCH, PAYLOAD);
        for (int i = 0; i < BATCHES; i++) {
            Wire.triggerBatch(server, CHANNEL, "tick", batch);
        }
    }

    private static void assertReceivedAll(RecordingClient client) {
        for (int i = 0; i < TOTAL_EVENTS; i++) {
            assertThat(client.awaitEvent("tick").data().asText()).hasSize(PAYLOAD.length());
        }
        assertThat(client.drain()).as("frames after the last event").isEmpty();
    }
}
