package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Silent clients are pinged after the activity timeout and closed with 4201 if no pong comes; nothing
 * follows the close.
 */
class ActivityTimeoutTest {

    private static final Duration ACTIVITY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PONG_TIMEOUT = Duration.ofSeconds(1);

    private static TestServer startServer() {
        return TestServer.start(b -> b.activityTimeout(ACTIVITY_TIMEOUT).pongTimeout(PONG_TIMEOUT));
    }

    @Test
    void silentClientIsPingedThenClosedWith4201WhenPongNeverComes() {
        try (TestServer server = startServer(); RecordingClient client = server.connect()) {
            assertThat(client.established().json().get("activity_timeout").asInt()).isEqualTo(1);
            client.awaitEvent(PusherEvents.PING);
            long pingedAt = System.nanoTime();

            int code = ErrorCode.PONG_NOT_RECEIVED.code();
            assertThat(Wire.errorData(client).get("code").asInt()).isEqualTo(code);
            client.assertClosed(code);
            Duration waited = Duration.ofNanos(System.nanoTime() - pingedAt);
            assertThat(waited).as("time between ping and close").isGreaterThan(PONG_TIMEOUT.minusMillis(200));
        }
    }

    @Test
    void clientAnsweringEachPingStaysOpenPastThePongDeadline() {
        try (TestServer server = startServer(); RecordingClient client = server.connect()) {
            // Without the pongs counting, the socket would close one pong timeout after the first ping,
            // long before the third ping is due.
            for (int ping = 0; ping < 3; ping++) {
                client.awaitEvent(PusherEvents.PING);
                client.sendText("{\"event\":\"pusher:pong\",\"data\":{}}");
            }
            Wire.assertOpen(client);
        }
    }

    /**
     * A client that neither reads nor answers: its 4201 close waits in the server behind ~6 MB it has not
     * read (the kernel's socket buffers hold less), and what is published after the close is not queued
     * behind it.
     */
    @Test
    void nothingIsSentAfterThe4201CloseOfAClientThatStoppedReading() throws IOException, InterruptedException {
        try (TestServer server = TestServer.start(b -> b.activityTimeout(ACTIVITY_TIMEOUT).pongTimeout(PONG_TIMEOUT)
                     .outboundBufferLimit(32 * 1024 * 1024));
             RawWebSocket silent = RawWebSocket.connect(server.port(), "/app/" + TestServer.APP.key() + "?protocol=7", 4096)) {
            silent.readTextContaining("pusher:connection_established");
            silent.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
            silent.readTextContaining("pusher_internal:subscription_succeeded");
            List<String> batch = Collections.nCopies(10, "x".repeat(5_000));
            for (int i = 0; i < 120; i++) {
                Wire.triggerBatch(server, "firehose", "backlog", batch);
                // Activity: the timeouts count from the last frame, however long the backlog took to build.
                silent.sendText("{\"event\":\"pusher:pong\",\"data\":{}}");
            }
            long lastSent = System.nanoTime();
            long closedBy = lastSent + ACTIVITY_TIMEOUT.plus(PONG_TIMEOUT).plusSeconds(1).toNanos();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, closedBy - System.nanoTime()));

            Wire.trigger(server, "firehose", "late", "after the close");

            int closeCode = 0;
            List<String> afterClose = new ArrayList<>();
            try {
                while (true) {
                    RawWebSocket.Frame frame = silent.readFrame();
                    if (frame.opcode() == RawWebSocket.OPCODE_CLOSE) {
                        closeCode = frame.closeCode();
                    } else if (closeCode != 0) {
                        afterClose.add(frame.text());
                    }
                }
            } catch (EOFException | SocketException streamEnded) {
                // the server closed the socket once its close frame was out
            }
            assertThat(closeCode).isEqualTo(ErrorCode.PONG_NOT_RECEIVED.code());
            assertThat(afterClose).as("frames after the close frame").isEmpty();
        }
    }
}
