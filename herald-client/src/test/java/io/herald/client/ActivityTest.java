package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.PusherEvents;
import io.herald.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @Test
    void answersServerPingsAndStaysConnected() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(b -> b.activityTimeout(Duration.ofSeconds(1)).pongTimeout(Duration.ofMillis(500)));
             HeraldRealtime client = Clients.connected(server, recorder)) {
            String socketId = client.socketId();
            recorder.awaitEvent(PusherEvents.PING);
            // Several activity periods: unanswered pings would have closed the socket with 4201.
            assertThat(recorder.statesDuring(Duration.ofMillis(3500))).isEmpty();
            assertThat(client.socketId()).isEqualTo(socketId);
        }
    }

    @Test
    void pingsTheServerWhenIdle() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.connected(server, recorder, b -> b.activityTimeout(Duration.ofMillis(300)))) {
            // The server only sends pusher:pong in answer to the client's pusher:ping.
            recorder.awaitEvent(PusherEvents.PONG);
            recorder.awaitEvent(PusherEvents.PONG);
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }
}
