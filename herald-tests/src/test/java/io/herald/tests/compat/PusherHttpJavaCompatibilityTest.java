package io.herald.tests.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.PresenceUser;
import com.pusher.rest.data.Result;
import io.herald.protocol.crypto.EncryptedPayload;
import io.herald.protocol.crypto.SharedSecret;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.LiveServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official server library, pusher-http-java 1.3.4, unchanged against Herald: triggers, batches,
 * channel queries, and the authorization strings it makes for private, presence and encrypted channels.
 */
class PusherHttpJavaCompatibilityTest {

    private static final App APP = TestServer.APP;

    private LiveServer server;
    private Pusher pusher;

    @BeforeEach
    void start() {
        server = LiveServer.start();
        pusher = PusherHttp.client(server.testServer(), APP);
    }

    @AfterEach
    void stop() throws Exception {
        pusher.close();
        server.close();
    }

    private RecordingClient presenceMember(String channel, String userId) {
        RecordingClient client = server.connect();
        PresenceUser user = new PresenceUser(userId, Map.of("name", userId));
        subscribeWith(client, channel, pusher.authenticate(client.socketId(), channel, user));
        return client;
    }

    /** Subscribes with an auth endpoint answer ({@code {"auth", "channel_data"?}}) and awaits success. */
    private static JsonNode subscribeWith(RecordingClient client, String channel, String authAnswer) {
        JsonNode answer = PusherHttp.json(authAnswer);
        client.subscribe(channel, answer.get("auth").asText(),
                answer.hasNonNull("channel_data") ? answer.get("channel_data").asText() : null);
        return client.assertSubscribed(channel).json();
    }

    @Test
    void triggerToOneChannelReachesItsSubscriber() {
        RecordingClient reader = server.subscriber("news");

        PusherHttp.successBody(pusher.trigger("news", "flash", Map.of("headline", "hello")));

        JsonNode data = reader.awaitEvent("flash").json();
        assertThat(data.get("headline").asText()).isEqualTo("hello");
    }

    @Test
    void triggerToSeveralChannelsReachesEach() {
        RecordingClient news = server.subscriber("news");
        RecordingClient sport = server.subscriber("sport");

        PusherHttp.successBody(pusher.trigger(List.of("news", "sport"), "flash", Map.of("n", 1)));

        assertThat(news.awaitEvent("flash").channel()).isEqualTo("news");
        assertThat(sport.awaitEvent("flash").channel()).isEqualTo("sport");
    }

    @Test
    void triggerWithSocketIdExcludesThatConnection() {
        RecordingClient sender = server.subscriber("news");
        RecordingClient other = server.subscriber("news");

        PusherHttp.successBody(pusher.trigger("news", "echo", Map.of(), sender.socketId()));
        PusherHttp.successBody(pusher.trigger("news", "after", Map.of()));

        assertThat(other.nextEvent().event()).isEqualTo("echo");
        assertThat(sender.nextEvent().event()).as("the excluded event would arrive first").isEqualTo("after");
    }

    @Test
    void triggerBatchDeliversEveryEvent() {
        RecordingClient news = server.subscriber("news");
        RecordingClient sport = server.subscriber("sport");

        PusherHttp.successBody(pusher.trigger(List.of(
                new Event("news", "first", Map.of("n", 1)),
                new Event("sport", "second", Map.of("n", 2)),
                new Event("news", "third", Map.of("n", 3)))));

        assertThat(news.awaitEvent("first").json().get("n").asInt()).isEqualTo(1);
        assertThat(news.awaitEvent("third").json().get("n").asInt()).isEqualTo(3);
        assertThat(sport.awaitEvent("second").json().get("n").asInt()).isEqualTo(2);
    }

    @Test
    void channelNamesWithEveryAllowedPunctuationWork() {
        String channel = "odd-_=@,.;name";
        RecordingClient reader = server.subscriber(channel);

        PusherHttp.successBody(pusher.trigger(channel, "flash", Map.of()));
        JsonNode info = PusherHttp.successBody(pusher.get("/channels/" + channel, Map.of("info", "subscription_count")));

        assertThat(reader.awaitEvent("flash").channel()).isEqualTo(channel);
        assertThat(info.get("subscription_count").asInt()).isEqualTo(1);
    }

    @Test
    void getChannelsListsOccupiedChannels() {
        server.subscriber("news");
        presenceMember("presence-room", "alice");

        JsonNode all = PusherHttp.successBody(pusher.get("/channels"));
        JsonNode presence = PusherHttp.successBody(pusher.get("/channels",
                Map.of("filter_by_prefix", "presence-", "info", "user_count")));

        assertThat(all.get("channels").has("news")).isTrue();
        assertThat(all.get("channels").has("presence-room")).isTrue();
        assertThat(presence.get("channels").has("news")).isFalse();
        assertThat(presence.get("channels").get("presence-room").get("user_count").asInt()).isEqualTo(1);
    }

    @Test
    void getChannelWithInfoReportsCounts() {
        server.subscriber("news");
        server.subscriber("news");

        JsonNode news = PusherHttp.successBody(pusher.get("/channels/news", Map.of("info", "subscription_count")));
        JsonNode empty = PusherHttp.successBody(pusher.get("/channels/empty"));

        assertThat(news.get("occupied").asBoolean()).isTrue();
        assertThat(news.get("subscription_count").asInt()).isEqualTo(2);
        assertThat(empty.get("occupied").asBoolean()).isFalse();
    }

    @Test
    void getPresenceUsersListsEachUserOnce() {
        presenceMember("presence-room", "alice");
        presenceMember("presence-room", "alice");
        presenceMember("presence-room", "bob");

        JsonNode users = PusherHttp.successBody(pusher.get("/channels/presence-room/users")).get("users");

        List<String> ids = new ArrayList<>();
        users.forEach(user -> ids.add(user.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void wrongSecretIsReportedAsAnAuthenticationError() throws Exception {
        try (Pusher wrong = PusherHttp.client(server.testServer(), App.of(APP.id(), APP.key(), "not-the-secret"))) {
            Result result = wrong.trigger("news", "flash", Map.of());

            assertThat(result.getStatus()).isEqualTo(Result.Status.AUTHENTICATION_ERROR);
            assertThat(result.getHttpStatus()).isEqualTo(401);
            assertThat(result.getMessage()).contains("signature");
        }
    }

    @Test
    void privateChannelAuthorizationFromAuthenticateIsAccepted() {
        RecordingClient client = server.connect();

        subscribeWith(client, "private-orders", pusher.authenticate(client.socketId(), "private-orders"));
    }

    @Test
    void authorizationForAnotherSocketIsRefused() {
        RecordingClient client = server.connect();
        RecordingClient other = server.connect();
        JsonNode answer = PusherHttp.json(pusher.authenticate(other.socketId(), "private-orders"));

        client.subscribe("private-orders", answer.get("auth").asText(), null);

        client.assertSubscriptionError("private-orders", 401);
    }

    @Test
    void presenceChannelAuthorizationFromAuthenticateIsAcceptedWithItsUserInfo() {
        RecordingClient client = server.connect();
        String answer = pusher.authenticate(client.socketId(), "presence-room",
                new PresenceUser("alice", Map.of("name", "Alice")));

        JsonNode presence = subscribeWith(client, "presence-room", answer).get("presence");

        assertThat(presence.get("count").asInt()).isEqualTo(1);
        assertThat(presence.get("ids").get(0).asText()).isEqualTo("alice");
        assertThat(presence.get("hash").get("alice").get("name").asText()).isEqualTo("Alice");
    }

    @Test
    void encryptedChannelAuthorizationWithSharedSecretIsAccepted() throws Exception {
        RecordingClient client = server.connect();
        try (Pusher encrypting = PusherHttp.encryptingClient(server.testServer(), APP)) {
            String answer = encrypting.authenticate(client.socketId(), "private-encrypted-vault");
            String sharedSecret = PusherHttp.json(answer).get("shared_secret").asText();
            assertThat(sharedSecret).isNotBlank();

            subscribeWith(client, "private-encrypted-vault", answer);
            PusherHttp.successBody(encrypting.trigger("private-encrypted-vault", "sealed", Map.of("secret", "s3")));

            // The subscriber gets only nonce and ciphertext, which open with the shared secret it was given.
            String sealed = client.awaitEvent("sealed").json().toString();
            assertThat(sealed).doesNotContain("\"secret\"");
            assertThat(EncryptedPayload.fromJson(sealed).open(SharedSecret.fromBase64(sharedSecret)))
                    .isEqualTo("{\"secret\":\"s3\"}");
        }
    }
}
