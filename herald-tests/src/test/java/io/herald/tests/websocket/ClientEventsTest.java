package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.Limits;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code client-} events: who receives them, in what form, and when they are rejected. */
class ClientEventsTest {

    private static final App APP = TestServer.APP;
    private static final JsonNode DATA = Wire.JSON.createObjectNode().put("text", "hi").put("n", 1);

    @ParameterizedTest
    @ValueSource(strings = {"private-chat", "private-encrypted-chat"})
    void relayedToOtherSubscribersAsSentAndNeverEchoed(String channel) {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(sender, channel);
            Wire.subscribe(receiver, channel);

            sender.send("client-typing", channel, DATA);
            ReceivedEvent relayed = receiver.awaitEvent("client-typing");
            assertThat(relayed.channel()).isEqualTo(channel);
            assertThat(relayed.data()).as("data relayed as an object, as sent").isEqualTo(DATA);
            assertThat(relayed.userId()).isNull();
            assertThat(Wire.roundTrip(sender)).as("frames echoed to the sender").isEmpty();
        }
    }

    @Test
    void stringDataIsRelayedAsTheSameString() {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(sender, "private-chat");
            Wire.subscribe(receiver, "private-chat");

            sender.send("client-note", "private-chat", Wire.JSON.getNodeFactory().textNode("{\"a\":1}"));
            assertThat(receiver.awaitEvent("client-note").data().asText()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void presenceClientEventsCarryTheSendersUserId() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient bob = server.connect()) {
            Wire.aliceThenBobJoin("presence-chat", alice, bob);

            alice.send("client-wave", "presence-chat", DATA);
            ReceivedEvent relayed = bob.awaitEvent("client-wave");
            assertThat(relayed.userId()).isEqualTo("alice");
            assertThat(relayed.data()).isEqualTo(DATA);
            assertThat(Wire.roundTrip(alice)).as("frames echoed to the sender").isEmpty();
        }
    }

    @Test
    void rejectedOnPublicChannels() {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(sender, "lobby");
            Wire.subscribe(receiver, "lobby");
            assertRejected(sender, receiver, "lobby");
        }
    }

    @Test
    void rejectedWhenTheSenderIsNotSubscribed() {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(receiver, "private-chat");
            assertRejected(sender, receiver, "private-chat");
        }
    }

    @Test
    void rejectedWithoutAChannel() {
        try (TestServer server = TestServer.start(); RecordingClient sender = server.connect()) {
            sender.send("client-typing", null, DATA);
            Wire.errorData(sender);
            Wire.assertOpen(sender);
        }
    }

    @Test
    void rejectedWhenTheAppDisablesClientEvents() {
        App noClientEvents = APP.toBuilder().clientEvents(false).build();
        try (TestServer server = TestServer.start(b -> b.apps(List.of(noClientEvents)));
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(sender, "private-chat");
            Wire.subscribe(receiver, "private-chat");
            assertRejected(sender, receiver, "private-chat");
        }
    }

    @Test
    void dataOverThePayloadLimitIsRejected() {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(sender, "private-chat");
            Wire.subscribe(receiver, "private-chat");

            ObjectNode big = Wire.JSON.createObjectNode().put("blob", "x".repeat(Limits.DEFAULT_MAX_EVENT_PAYLOAD_BYTES));
            sender.send("client-big", "private-chat", big);
            Wire.errorData(sender);
            Wire.assertOpen(sender);
            receiver.assertNoEvent(Wire.QUIET);

            ObjectNode fits = Wire.JSON.createObjectNode().put("blob", "x".repeat(Limits.DEFAULT_MAX_EVENT_PAYLOAD_BYTES - 100));
            sender.send("client-fits", "private-chat", fits);
            assertThat(receiver.awaitEvent("client-fits").data()).isEqualTo(fits);
        }
    }

    @Test
    void moreThanTenPerSecondAreRejectedWith4301AndTheRestDelivered() {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient receiver = server.connect()) {
            Wire.subscribe(sender, "private-chat");
            Wire.subscribe(receiver, "private-chat");

            int limit = Limits.DEFAULT_CLIENT_EVENTS_PER_SECOND;
            for (int i = 0; i < limit + 5; i++) {
                sender.send("client-tick", "private-chat", Wire.JSON.createObjectNode().put("i", i));
            }
            List<ReceivedEvent> errors = Wire.roundTrip(sender);
            assertThat(errors).hasSize(5).allSatisfy(error -> {
                assertThat(error.event()).isEqualTo(PusherEvents.ERROR);
                assertThat(error.json().get("code").asInt()).isEqualTo(ErrorCode.CLIENT_EVENT_REJECTED.code());
            });
            assertThat(sender.isClosed()).isFalse();

            for (int i = 0; i < limit; i++) {
                assertThat(receiver.awaitEvent("client-tick").data().get("i").asInt()).isEqualTo(i);
            }
            assertThat(Wire.roundTrip(receiver)).as("frames beyond the limit").isEmpty();
        }
    }

    /** The sender gets {@code pusher:error} and stays connected; nobody receives the event. */
    private static void assertRejected(RecordingClient sender, RecordingClient receiver, String channel) {
        sender.send("client-typing", channel, DATA);
        Wire.errorData(sender);
        Wire.assertOpen(sender);
        assertThat(Wire.roundTrip(receiver)).as("frames delivered to the receiver").isEmpty();
    }
}
