package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Silent clients are pinged after the activity timeout and closed with 4201 if no pong comes. */
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
}
