package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.PusherEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pusher:subscribe} and {@code pusher:unsubscribe} in memory ({@link SessionFixture}): a refusal
 * is a {@code pusher:subscription_error} on its channel, never a {@code pusher:error} or a close.
 */
class SubscriptionHandlerTest {

    private static final String ROOM = "presence-room";

    private final SessionFixture session = new SessionFixture();
    private final RecordingSocket client = session.connect();

    @Test
    void aPublicChannelIsConfirmedWithAnEmptyObject() {
        session.subscribe(client, "lobby", null, null);

        JsonNode frame = client.next(PusherEvents.SUBSCRIPTION_SUCCEEDED);
        assertThat(frame.path("channel").asText()).isEqualTo("lobby");
        assertThat(frame.path("data").asText()).isEqualTo("{}");
        client.assertNothingMore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"private-chat", "private-encrypted-chat", ROOM})
    void noAuthIsAnAuthError401(String channel) {
        session.subscribe(client, channel, null, "{\"user_id\":\"alice\"}");

        assertThat(assertRefused(channel, "AuthError", 401)).contains("auth is required");
    }

    @Test
    void aWrongSignatureIsAnAuthError401SayingWhatToSign() {
        session.subscribe(client, "private-chat", "key-1:" + "0".repeat(64), null);

        assertThat(assertRefused("private-chat", "AuthError", 401))
                .contains("expected HMAC SHA256 hex digest of 1.1:private-chat");
    }

    @Test
    void aBadChannelNameIsAnInvalidRequest400() {
        session.subscribe(client, "no spaces", null, null);

        assertRefused("no spaces", "InvalidRequest", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"user_id\":\"\"}", "{\"user_id\":true}"})
    void presenceChannelDataWithoutAUserIdIsAnInvalidRequest400(String channelData) {
        session.subscribe(client, ROOM, session.auth(client, ROOM, channelData), channelData);

        assertRefused(ROOM, "InvalidRequest", 400);
    }

    @Test
    void aPresenceJoinerGetsTheMembersAndTheOthersGetMemberAdded() {
        RecordingSocket bob = session.connect();
        joinRoom(client, "alice");

        JsonNode presence = joinRoom(bob, "bob");

        assertThat(presence.path("ids")).extracting(JsonNode::asText).containsExactly("alice", "bob");
        assertThat(presence.path("hash").path("bob").path("name").asText()).isEqualTo("bob");
        assertThat(presence.path("count").asInt()).isEqualTo(2);
        JsonNode added = client.nextData(PusherEvents.MEMBER_ADDED);
        assertThat(added.path("user_id").asText()).isEqualTo("bob");
        assertThat(added.path("user_info").path("name").asText()).isEqualTo("bob");
        bob.assertNothingMore();
    }

    @Test
    void subscribingAgainIsConfirmedAgainWithoutJoiningTwice() {
        session.join(client, "lobby");

        session.join(client, "lobby");

        client.assertNothingMore();
        assertThat(session.registries.forApp(SessionFixture.APP.id()).find("lobby").subscriptionCount()).isEqualTo(1);
    }

    @Test
    void aCacheChannelWithNothingCachedSendsCacheMissAndReportsIt() {
        session.join(client, "cache-news");

        client.next(PusherEvents.CACHE_MISS);
        client.assertNothingMore();
        assertThat(session.events.cacheMisses).containsExactly("cache-news");
    }

    @Test
    void unsubscribingHasNoReplyAndAPresenceMemberLeavingIsAnnounced() {
        RecordingSocket bob = bobJoinsAfterAlice();

        session.unsubscribe(bob, ROOM);

        bob.assertNothingMore();
        assertThat(client.nextData(PusherEvents.MEMBER_REMOVED).path("user_id").asText()).isEqualTo("bob");
    }

    @Test
    void aClosedSocketLeavesEveryChannel() {
        RecordingSocket bob = bobJoinsAfterAlice();
        session.join(bob, "lobby");

        session.close(bob);

        assertThat(client.nextData(PusherEvents.MEMBER_REMOVED).path("user_id").asText()).isEqualTo("bob");
        assertThat(session.registries.forApp(SessionFixture.APP.id()).find("lobby")).as("the vacated channel").isNull();
    }

    /** The client joins the room as alice, then bob on a socket of his own; returns bob's. */
    private RecordingSocket bobJoinsAfterAlice() {
        RecordingSocket bob = session.connect();
        joinRoom(client, "alice");
        joinRoom(bob, "bob");
        client.next(PusherEvents.MEMBER_ADDED);
        return bob;
    }

    /** Joins the presence room as {@code userId} (info: its name); returns the presence data it is confirmed with. */
    private JsonNode joinRoom(RecordingSocket socket, String userId) {
        String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"" + userId + "\"}}";
        session.subscribe(socket, ROOM, session.auth(socket, ROOM, channelData), channelData);
        return socket.nextData(PusherEvents.SUBSCRIPTION_SUCCEEDED).path("presence");
    }

    /** The next frame is a subscription_error on {@code channel}; the connection stays. Returns its message. */
    private String assertRefused(String channel, String type, int status) {
        JsonNode frame = client.next(PusherEvents.SUBSCRIPTION_ERROR);
        assertThat(frame.path("channel").asText()).isEqualTo(channel);
        JsonNode data = RecordingSocket.data(frame);
        assertThat(data.path("type").asText()).isEqualTo(type);
        assertThat(data.path("status").asInt()).isEqualTo(status);
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        return data.path("error").asText();
    }
}
