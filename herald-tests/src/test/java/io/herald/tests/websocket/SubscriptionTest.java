package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pusher:subscribe} / {@code pusher:unsubscribe} for public, private and encrypted channels. */
class SubscriptionTest {

    private static final App APP = TestServer.APP;

    @Test
    void publicSubscriptionSucceedsWithEmptyObjectDataAsAString() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe("news");
            assertEmptyData(client.assertSubscribed("news"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"private-orders", "private-encrypted-orders"})
    void authorizedChannelWithValidSignatureSucceedsAndReceivesEvents(String channel) {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribeSigned(APP, channel);
            assertEmptyData(client.assertSubscribed(channel));
            Wire.trigger(server, channel, "update", "{\"n\":1}");
            assertThat(client.awaitEvent("update").channel()).isEqualTo(channel);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"private-orders", "private-encrypted-orders"})
    void missingAuthIsAnAuthError(String channel) {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe(channel);
            assertAuthError(client, channel);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"private-orders", "private-encrypted-orders"})
    void wrongSignatureIsAnAuthError(String channel) {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe(channel, APP.key() + ":" + "0".repeat(64), null);
            assertAuthError(client, channel);
        }
    }

    @Test
    void signatureMadeForAnotherSocketIdIsRefused() {
        try (TestServer server = TestServer.start();
             RecordingClient client = server.connect();
             RecordingClient other = server.connect()) {
            String signature = ChannelAuth.channelSignature(APP.secret(), other.socketId(), "private-a", null);
            client.subscribe("private-a", ChannelAuth.authString(APP.key(), signature), null);
            assertAuthError(client, "private-a");
        }
    }

    @Test
    void signatureMadeWithAnotherSecretIsRefused() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            String signature = ChannelAuth.channelSignature("not-the-secret", client.socketId(), "private-a", null);
            client.subscribe("private-a", ChannelAuth.authString(APP.key(), signature), null);
            assertAuthError(client, "private-a");
        }
    }

    @Test
    void refusedSubscriptionDoesNotDeliverEvents() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe("private-a");
            assertAuthError(client, "private-a");
            Wire.trigger(server, "private-a", "update", "{}");
            client.assertNoEvent(Wire.QUIET);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "star*", "slash/", "üml", "quote\"", "#hash"})
    void channelNameWithForbiddenCharactersIsRefusedWith400(String channel) {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe(channel);
            client.assertSubscriptionError(channel, 400);
            Wire.assertOpen(client);
        }
    }

    @Test
    void channelNameOfAllAllowedCharactersUpTo200IsAccepted() {
        String allowed = "-a-zA-Z0-9_=@,.;";
        String longest = allowed + "x".repeat(200 - allowed.length());
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe(longest);
            client.assertSubscribed(longest);
        }
    }

    @Test
    void channelNameLongerThan200IsRefusedWith400() {
        String tooLong = "x".repeat(201);
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe(tooLong);
            client.assertSubscriptionError(tooLong, 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"pusher:subscribe\",\"data\":{}}",
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":null}}",
        "{\"event\":\"pusher:subscribe\"}",
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"\"}}"})
    void subscribeWithoutAChannelIsAPusherError(String frame) {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.sendText(frame);
            ReceivedEvent reply = client.nextEvent();
            assertThat(reply.event()).as("reply %s", reply).isEqualTo(PusherEvents.ERROR);
            assertThat(reply.json().path("message").asText()).isNotBlank();
            Wire.assertOpen(client);
        }
    }

    @Test
    void resubscribingConfirmsAgainWithoutDuplicatingDelivery() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            Wire.subscribe(client, "news");
            client.subscribe("news");
            assertEmptyData(client.assertSubscribed("news"));

            Wire.trigger(server, "news", "flash", "{}");
            assertThat(client.awaitEvent("flash").channel()).isEqualTo("news");
            client.assertNoEvent(Wire.QUIET);
        }
    }

    @Test
    void unsubscribeStopsDeliveryWithoutAReply() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            Wire.subscribe(client, "news");
            client.unsubscribe("news");
            assertThat(Wire.roundTrip(client)).as("frames in reply to unsubscribe").isEmpty();

            Wire.trigger(server, "news", "flash", "{}");
            client.assertNoEvent(Wire.QUIET);
        }
    }

    @Test
    void unsubscribeFromOneChannelKeepsTheOthers() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            Wire.subscribe(client, "news");
            Wire.subscribe(client, "sport");
            client.unsubscribe("news");
            Wire.roundTrip(client);

            Wire.trigger(server, "news", "flash", "{}");
            Wire.trigger(server, "sport", "goal", "{}");
            ReceivedEvent event = client.nextEvent();
            assertThat(event.event()).isEqualTo("goal");
            client.assertNoEvent(Wire.QUIET);
        }
    }

    @Test
    void serverToUserChannelIsRefusedWithoutSignIn() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe("#server-to-user-x");
            assertAuthError(client, "#server-to-user-x");
            Wire.trigger(server, "#server-to-user-x", "secret", "{}");
            client.assertNoEvent(Wire.QUIET);
        }
    }

    private static void assertEmptyData(ReceivedEvent succeeded) {
        assertThat(succeeded.data().isTextual()).as("data is a JSON string: %s", succeeded).isTrue();
        assertThat(succeeded.data().asText()).isEqualTo("{}");
    }

    private static void assertAuthError(RecordingClient client, String channel) {
        JsonNode error = client.assertSubscriptionError(channel, 401);
        assertThat(error.get("type").asText()).isEqualTo("AuthError");
        Wire.assertOpen(client);
    }
}
