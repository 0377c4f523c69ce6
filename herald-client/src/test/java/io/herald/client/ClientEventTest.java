package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientEventTest {

    private static ChannelAuthorizer privateSigner() {
        return new LocalChannelAuthorizer(TestServer.APP.key(), TestServer.APP.secret());
    }

    @Test
    void relaysClientEventsToTheOtherSubscriberOnly() {
        ClientRecorder sender = new ClientRecorder();
        ClientRecorder receiver = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime a = Clients.connected(server, sender, b -> b.authorizer(privateSigner()));
             HeraldRealtime b = Clients.connected(server, receiver, o -> o.authorizer(privateSigner()))) {
            Channel channel = Clients.subscribed(a, sender, "private-chat");
            Clients.subscribed(b, receiver, "private-chat");

            channel.trigger("client-typing", Map.of("who", "a"));

            PusherEvent event = receiver.awaitEvent("client-typing", "private-chat");
            assertThat(event.data()).isEqualTo("{\"who\":\"a\"}");
            sender.assertNoEvent("client-typing", Duration.ofMillis(300));
        }
    }

    @Test
    void presenceClientEventsCarryTheSendersUserId() {
        ClientRecorder sender = new ClientRecorder();
        ClientRecorder receiver = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime a = Clients.connected(server, sender, b -> b.authorizer(PresenceChannelTest.signerFor("ann", null)));
             HeraldRealtime b = Clients.connected(server, receiver, o -> o.authorizer(PresenceChannelTest.signerFor("bob", null)))) {
            Channel channel = Clients.subscribed(a, sender, "presence-chat");
            Clients.subscribed(b, receiver, "presence-chat");

            channel.trigger("client-wave", "hi");

            PusherEvent event = receiver.awaitEvent("client-wave", "presence-chat");
            assertThat(event.userId()).isEqualTo("ann");
            assertThat(event.data()).isEqualTo("hi"); // a string travels as is
        }
    }

    @Test
    void refusesClientEventsItCannotSend() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.connected(server, recorder, b -> b.authorizer(privateSigner()))) {
            Channel channel = Clients.subscribed(client, recorder, "private-chat");
            assertThatThrownBy(() -> channel.trigger("typing", "x")).isInstanceOf(IllegalArgumentException.class);
            client.disconnect();
            recorder.awaitState(ConnectionState.DISCONNECTED);
            assertThatThrownBy(() -> channel.trigger("client-x", "x")).isInstanceOf(IllegalStateException.class);
        }
    }
}
