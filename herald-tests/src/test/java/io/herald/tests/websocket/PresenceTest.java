package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.Limits;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presence channels: the member list, per-user (not per-connection) member events, and limits. */
class PresenceTest {

    private static final App APP = TestServer.APP;
    private static final String ROOM = "presence-room";

    @Test
    void subscriptionSucceededListsTheMembers() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient bob = server.connect()) {
            JsonNode first = presence(Wire.join(alice, ROOM, "alice"));
            assertThat(first.get("count").asInt()).isEqualTo(1);

            ReceivedEvent succeeded = Wire.join(bob, ROOM, "bob");
            assertThat(succeeded.data().isTextual()).as("data is a JSON string").isTrue();
            JsonNode presence = presence(succeeded);
            assertThat(presence.get("ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder("alice", "bob");
            assertThat(presence.get("hash").get("alice").get("name").asText()).isEqualTo("alice");
            assertThat(presence.get("hash").get("bob").get("name").asText()).isEqualTo("bob");
            assertThat(presence.get("count").asInt()).isEqualTo(2);
        }
    }

    @Test
    void memberAddedGoesToOthersButNotToTheJoiner() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient bob = server.connect()) {
            Wire.join(alice, ROOM, "alice");
            Wire.join(bob, ROOM, "bob");

            ReceivedEvent added = alice.awaitEvent(PusherEvents.MEMBER_ADDED);
            assertThat(added.channel()).isEqualTo(ROOM);
            assertThat(added.data().isTextual()).as("data is a JSON string").isTrue();
            assertThat(added.json().get("user_id").asText()).isEqualTo("bob");
            assertThat(added.json().get("user_info").get("name").asText()).isEqualTo("bob");
            assertThat(Wire.roundTrip(bob)).as("frames to the joiner").isEmpty();
        }
    }

    @Test
    void secondConnectionOfTheSameUserIsNotAnnouncedAndDoesNotCount() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient bobTab1 = server.connect();
             RecordingClient bobTab2 = server.connect()) {
            Wire.aliceThenBobJoin(ROOM, alice, bobTab1);

            JsonNode presence = presence(Wire.join(bobTab2, ROOM, "bob"));
            assertThat(presence.get("count").asInt()).isEqualTo(2);
            assertThat(presence.get("ids")).hasSize(2);
            assertThat(Wire.roundTrip(alice)).as("frames to alice after bob's second tab").isEmpty();
            assertThat(Wire.roundTrip(bobTab1)).as("frames to bob's first tab").isEmpty();
        }
    }

    @Test
    void memberRemovedOnlyWhenTheUsersLastConnectionLeaves() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient bobTab1 = server.connect();
             RecordingClient bobTab2 = server.connect()) {
            Wire.aliceThenBobJoin(ROOM, alice, bobTab1);
            Wire.join(bobTab2, ROOM, "bob");

            bobTab1.unsubscribe(ROOM);
            Wire.roundTrip(bobTab1);
            assertThat(Wire.roundTrip(alice)).as("frames after bob's first tab left").isEmpty();

            bobTab2.close(); // leaving by closing the socket counts too
            ReceivedEvent removed = alice.awaitEvent(PusherEvents.MEMBER_REMOVED);
            assertThat(removed.channel()).isEqualTo(ROOM);
            assertThat(removed.json().get("user_id").asText()).isEqualTo("bob");
            assertThat(Wire.roundTrip(alice)).as("a single member_removed").isEmpty();
        }
    }

    @Test
    void memberRemovedWhenTheOnlyConnectionUnsubscribes() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient bob = server.connect()) {
            Wire.aliceThenBobJoin(ROOM, alice, bob);

            bob.unsubscribe(ROOM);
            assertThat(alice.awaitEvent(PusherEvents.MEMBER_REMOVED).json().get("user_id").asText()).isEqualTo("bob");
            assertThat(Wire.roundTrip(bob)).as("frames to the leaver").isEmpty();
        }
    }

    @Test
    void concurrentJoinsGiveEveryMemberTheFullListWithoutDuplicateAnnouncements() {
        int users = 8;
        List<RecordingClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < users; i++) {
                clients.add(server.connect());
            }
            for (int i = 0; i < users; i++) {
                clients.get(i).subscribePresence(APP, ROOM, "user" + i, "{}");
            }
            for (int i = 0; i < users; i++) {
                assertThat(memberView(clients.get(i), users)).as("user%d's view", i).hasSize(users);
                assertThat(Wire.roundTrip(clients.get(i))).as("frames after user%d's view was complete", i).isEmpty();
            }
        } finally {
            clients.forEach(RecordingClient::close);
        }
    }

    @Test
    void numericUserIdIsAcceptedAndReportedAsAString() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = server.connect();
             RecordingClient numeric = server.connect()) {
            Wire.join(alice, ROOM, "alice");
            Wire.subscribePresenceRaw(numeric, APP, ROOM, "{\"user_id\":42,\"user_info\":{\"n\":1}}");

            JsonNode presence = presence(numeric.assertSubscribed(ROOM));
            assertThat(presence.get("ids")).extracting(JsonNode::asText).contains("42");
            assertThat(presence.get("hash").get("42").get("n").asInt()).isEqualTo(1);
            JsonNode added = alice.awaitEvent(PusherEvents.MEMBER_ADDED).json();
            assertThat(added.get("user_id").isTextual()).as("user_id is a string in %s", added).isTrue();
            assertThat(added.get("user_id").asText()).isEqualTo("42");
        }
    }

    @Test
    void missingChannelDataIsRefusedWith400() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribeSigned(APP, ROOM); // a valid private-style signature, but no channel_data
            client.assertSubscriptionError(ROOM, 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"user_info\":{}}", "{\"user_id\":\"\"}", "{\"user_id\":{\"a\":1}}"})
    void invalidChannelDataIsRefusedWith400(String channelData) {
        assertRefused(channelData, 400);
    }

    @Test
    void userIdLongerThan128CharactersIsRefused() {
        assertRefused("{\"user_id\":\"" + "u".repeat(129) + "\"}", 400);
    }

    @Test
    void userIdOf128CharactersIsAccepted() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            Wire.join(client, ROOM, "u".repeat(128));
        }
    }

    @Test
    void userInfoLargerThan1KbIsRefused() {
        assertRefused("{\"user_id\":\"big\",\"user_info\":{\"bio\":\"" + "b".repeat(1100) + "\"}}", 400);
    }

    @Test
    void membersLimitRefusesANewUserButAcceptsAnotherTabOfAMember() {
        Limits two = new Limits(10_240, 100, 10, 2, 1024, 128, 200, 200, 10, 100, 100_000);
        App small = APP.toBuilder().limits(two).build();
        try (TestServer server = TestServer.start(b -> b.apps(List.of(small)));
             RecordingClient alice = server.connect(small);
             RecordingClient bob = server.connect(small);
             RecordingClient carol = server.connect(small);
             RecordingClient bobTab2 = server.connect(small)) {
            Wire.aliceThenBobJoin(ROOM, alice, bob);

            carol.subscribePresence(small, ROOM, "carol", "{}");
            JsonNode error = carol.awaitEvent(PusherEvents.SUBSCRIPTION_ERROR).json();
            assertThat(error.get("status").asInt()).as("status in %s", error).isBetween(400, 499);
            assertThat(error.get("error").asText()).isNotBlank();

            assertThat(presence(Wire.join(bobTab2, ROOM, "bob")).get("count").asInt()).isEqualTo(2);
            assertThat(Wire.roundTrip(alice)).as("frames to alice after bob's arrival").isEmpty();
        }
    }

    private static void assertRefused(String channelData, int status) {
        try (TestServer server = TestServer.start();
             RecordingClient member = server.connect();
             RecordingClient client = server.connect()) {
            Wire.join(member, ROOM, "member");
            Wire.subscribePresenceRaw(client, APP, ROOM, channelData);
            client.assertSubscriptionError(ROOM, status);
            Wire.assertOpen(client);
            assertThat(Wire.roundTrip(member)).as("frames to existing members").isEmpty();
        }
    }

    /**
     * Reads a joiner's frames until it knows {@code expected} members: subscription_succeeded first,
     * then one member_added per user that was not listed in it.
     */
    private static Set<String> memberView(RecordingClient client, int expected) {
        ReceivedEvent succeeded = client.nextEvent();
        assertThat(succeeded.event()).as("first frame after subscribing").isEqualTo(PusherEvents.SUBSCRIPTION_SUCCEEDED);
        Set<String> view = new HashSet<>();
        presence(succeeded).get("ids").forEach(id -> view.add(id.asText()));
        while (view.size() < expected) {
            ReceivedEvent added = client.nextEvent();
            assertThat(added.event()).isEqualTo(PusherEvents.MEMBER_ADDED);
            String userId = added.json().get("user_id").asText();
            assertThat(view.add(userId)).as("member_added for %s, already in %s", userId, view).isTrue();
        }
        return view;
    }

    private static JsonNode presence(ReceivedEvent succeeded) {
        JsonNode presence = succeeded.json().get("presence");
        assertThat(presence).as("presence in %s", succeeded).isNotNull();
        return presence;
    }
}
