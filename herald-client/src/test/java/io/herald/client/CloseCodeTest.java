package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Close-code ranges and the client's own pong timeout, against a scripted Pusher-compatible server.
 * Backoff starts at 5 s here, so a reconnect within a second can only be an immediate one.
 */
class CloseCodeTest {

    private static HeraldRealtime connected(ScriptedServer server, ClientRecorder recorder, Duration activityTimeout) {
        HeraldRealtime client = new HeraldRealtime(Clients.options(server.port())
                // A backoff waits 15 s at least: a reconnect within ClientRecorder's 10 s wait was immediate.
                .reconnectInitialDelay(Duration.ofSeconds(30)).reconnectMaxDelay(Duration.ofSeconds(60))
                .activityTimeout(activityTimeout).pongTimeout(Duration.ofMillis(300)).build());
        client.addConnectionListener(recorder).bindGlobal(recorder);
        client.connect();
        recorder.awaitState(ConnectionState.CONNECTED);
        return client;
    }

    @Test
    void reconnectsAtOnceAfterA42xxClose() {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(true);
             HeraldRealtime client = connected(server, recorder, Duration.ofMinutes(2))) {
            server.closeAll(4200, "reconnect now");
            assertThat(recorder.awaitState(ConnectionState.RECONNECTING).closeCode()).isEqualTo(4200);
            // Within the recorder's wait, so not after a backoff; a slow machine may take over a second.
            assertThat(recorder.awaitState(ConnectionState.CONNECTING).previous()).isEqualTo(ConnectionState.RECONNECTING);
            recorder.awaitState(ConnectionState.CONNECTED);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void backsOffAfterA41xxClose() {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(true);
             HeraldRealtime client = connected(server, recorder, Duration.ofMinutes(2))) {
            server.closeAll(4100, "over capacity");
            assertThat(recorder.awaitState(ConnectionState.RECONNECTING).closeCode()).isEqualTo(4100);
            assertThat(recorder.statesDuring(Duration.ofSeconds(1))).isEmpty();
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void staysDownAfterA40xxClose() {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(true);
             HeraldRealtime client = connected(server, recorder, Duration.ofMinutes(2))) {
            server.closeAll(4009, "unauthorized");
            ConnectionStateChange failed = recorder.awaitState(ConnectionState.FAILED);
            assertThat(failed.closeCode()).isEqualTo(4009);
            assertThat(failed.reason()).isEqualTo("unauthorized");
            assertThat(recorder.statesDuring(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void dropsTheSocketAndReconnectsWhenItsPingGoesUnanswered() throws InterruptedException {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(false);
             HeraldRealtime client = connected(server, recorder, Duration.ofMillis(200))) {
            String ping = server.received().poll(5, TimeUnit.SECONDS);
            assertThat(ping).contains("\"event\":\"pusher:ping\"");
            assertThat(recorder.awaitState(ConnectionState.RECONNECTING).closeCode()).isEqualTo(4201);
            recorder.awaitState(ConnectionState.CONNECTED);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void keepsTheConnectionWhileItsPingsAreAnswered() {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(true);
             HeraldRealtime client = connected(server, recorder, Duration.ofMillis(200))) {
            assertThat(recorder.statesDuring(Duration.ofMillis(1500))).isEmpty();
            assertThat(server.received()).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(frame -> frame.contains("\"event\":\"pusher:ping\""));
            assertThat(server.connections()).isEqualTo(1);
        }
    }
}
