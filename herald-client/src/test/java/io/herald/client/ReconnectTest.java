package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
class ReconnectTest {

    @Test
    void reconnectsAfterTheServerRestartsAndSubscribesEverythingAgain() {
        int port = Clients.freePort();
        ClientRecorder recorder = new ClientRecorder();
        ClientRecorder other = new ClientRecorder();
        TestServer first = Clients.startOn(port);
        try (HeraldRealtime client = Clients.connected(first, recorder, b -> b.authorizer(PresenceChannelTest.signerFor("1", null)))) {
            Clients.subscribed(client, recorder, "news");
            Clients.subscribed(client, recorder, "private-orders");
            Clients.subscribed(client, recorder, "presence-room");
            String firstSocketId = client.socketId();

            first.close();
            ConnectionStateChange lost = recorder.awaitState(ConnectionState.RECONNECTING);
            assertThat(lost.closeCode()).isEqualTo(ErrorCode.RECONNECT.code());
            assertThat(client.channel("news").isSubscribed()).isFalse();

            try (TestServer second = Clients.startOn(port)) {
                recorder.awaitState(ConnectionState.CONNECTED);
                recorder.awaitSubscribed("news");
                recorder.awaitSubscribed("private-orders");
                recorder.awaitSubscribed("presence-room");
                assertThat(client.socketId()).isNotEqualTo(firstSocketId);

                Clients.publish(second, "news", "after", "1");
                Clients.publish(second, "private-orders", "after", "2");
                assertThat(recorder.awaitEvent("after", "news").data()).isEqualTo("1");
                assertThat(recorder.awaitEvent("after", "private-orders").data()).isEqualTo("2");

                try (HeraldRealtime bob = Clients.connected(second, other, b -> b.authorizer(PresenceChannelTest.signerFor("2", null)))) {
                    PresenceChannel room = (PresenceChannel) Clients.subscribed(bob, other, "presence-room");
                    assertThat(room.members()).extracting(Member::id).containsExactlyInAnyOrder("1", "2");
                }
            }
        } finally {
            first.close();
        }
    }

    @Test
    void keepsRetryingWithBackoffUntilAServerAppears() {
        int port = Clients.freePort();
        ClientRecorder recorder = new ClientRecorder();
        try (HeraldRealtime client = new HeraldRealtime(Clients.options(port).build())) {
            client.addConnectionListener(recorder);
            client.connect();
            ConnectionStateChange refused = recorder.awaitState(ConnectionState.RECONNECTING);
            assertThat(refused.closeCode()).isEqualTo(1006);
            recorder.awaitState(ConnectionState.RECONNECTING); // a second attempt failed too
            try (TestServer server = Clients.startOn(port)) {
                recorder.awaitState(ConnectionState.CONNECTED);
                assertThat(client.socketId()).isNotNull();
            }
        }
    }

    @Test
    void doesNotReconnectWhenTheServerRefusesTheAppKey() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = new HeraldRealtime(HeraldRealtimeOptions.builder("no-such-key").host("127.0.0.1")
                     .port(server.port()).reconnectInitialDelay(Duration.ofMillis(50)).build())) {
            client.addConnectionListener(recorder);
            client.connect();
            ConnectionStateChange failed = recorder.awaitState(ConnectionState.FAILED);
            assertThat(failed.closeCode()).isEqualTo(ErrorCode.APP_NOT_FOUND.code());
            assertThat(recorder.awaitError()).startsWith("4001 ");
            assertThat(recorder.statesDuring(Duration.ofMillis(500))).isEmpty();
            assertThat(client.state()).isEqualTo(ConnectionState.FAILED);
        }
    }

    @Test
    void stopsReconnectingAfterDisconnect() {
        int port = Clients.freePort();
        ClientRecorder recorder = new ClientRecorder();
        try (HeraldRealtime client = new HeraldRealtime(Clients.options(port).build())) {
            client.addConnectionListener(recorder);
            client.connect();
            recorder.awaitState(ConnectionState.RECONNECTING);
            client.disconnect();
            recorder.awaitState(ConnectionState.DISCONNECTED);
            assertThat(recorder.statesDuring(Duration.ofMillis(700))).isEmpty();
        }
    }
}
