package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.Limits;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.user.UserRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session handlers in memory: what a client's frames get back on an {@link io.netty.channel.embedded.EmbeddedChannel},
 * over the real {@link LocalAdapter} and channel registry, with a recording {@link SessionEvents}. The
 * error path above all: which {@code pusher:error} code, and whether the connection closes.
 */
class ClientMessageHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final App APP = App.builder("app-1", "key-1", "secret-1").build();

    private final ChannelRegistries registries = new ChannelRegistries();
    private final UserRegistry users = new UserRegistry();
    private final LocalAdapter adapter = new LocalAdapter(registries, users, Duration.ofMinutes(30));
    private final RecordingSessionEvents events = new RecordingSessionEvents();
    private final ClientMessageHandler handler =
            new ClientMessageHandler(registries, adapter, events, new Watchlists(adapter, users));
    private final RecordingSocket client = new RecordingSocket("1.1", APP);

    @ParameterizedTest
    @ValueSource(strings = {
        "{",
        "[]",
        "{\"event\":\"\"}",
        "{\"event\":\"pusher:no-such-event\"}",
        "{\"event\":\"pusher:subscribe\",\"data\":{}}",
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":5}}",
        "{\"event\":\"pusher:subscribe\",\"data\":\"not an object\"}",
        "{\"event\":\"pusher:unsubscribe\",\"data\":{}}",
        "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"x\"}}"
    })
    void aMessageThatCantBeUsedIsAnErrorWithoutCodeAndTheConnectionStays(String frame) {
        handler.onMessage(client.connection(), frame);

        client.assertError(null);
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aPingIsAnsweredWithAPong() {
        handler.onMessage(client.connection(), "{\"event\":\"pusher:ping\"}");

        client.next(PusherEvents.PONG);
        client.assertNothingMore();
    }

    @Test
    void aClientEventOnAPublicChannelIsRefusedWith4009AndTheConnectionStays() {
        join(client, "lobby");

        clientEvent(client, "lobby", 1);

        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        assertThat(events.clientEvents).isEmpty();
    }

    @Test
    void aClientEventOnAChannelTheSenderHasNotJoinedIsRefusedWith4009AndTheConnectionStays() {
        clientEvent(client, "private-chat", 1);

        assertThat(client.assertError(ErrorCode.UNAUTHORIZED.code())).contains("not subscribed");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aClientEventIsRelayedToTheOtherSubscribersReportedAndNotEchoed() {
        RecordingSocket other = new RecordingSocket("1.2", APP);
        join(client, "private-chat");
        join(other, "private-chat");

        clientEvent(client, "private-chat", 7);

        JsonNode relayed = other.next("client-typing");
        assertThat(relayed.path("channel").asText()).isEqualTo("private-chat");
        assertThat(relayed.path("data").path("n").asInt()).isEqualTo(7);
        client.assertNothingMore();
        assertThat(events.clientEvents).containsExactly("private-chat client-typing {\"n\":7} from 1.1");
    }

    @Test
    void clientEventsOverTheRateAreRefusedWith4301AndTheConnectionStays() {
        RecordingSocket other = new RecordingSocket("1.2", APP);
        join(client, "private-chat");
        join(other, "private-chat");
        int limit = Limits.DEFAULT_CLIENT_EVENTS_PER_SECOND;

        IntStream.rangeClosed(1, limit + 1).forEach(n -> clientEvent(client, "private-chat", n));

        client.assertError(ErrorCode.CLIENT_EVENT_REJECTED.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        for (int n = 1; n <= limit; n++) {
            assertThat(other.next("client-typing").path("data").path("n").asInt()).isEqualTo(n);
        }
        other.assertNothingMore();
    }

    @Test
    void aSubscriptionWithoutAuthIsASubscriptionErrorOnTheChannelNotAPusherError() {
        subscribe(client, "private-chat", null);

        JsonNode refusal = client.nextData(PusherEvents.SUBSCRIPTION_ERROR);
        assertThat(refusal.path("type").asText()).isEqualTo("AuthError");
        assertThat(refusal.path("status").asInt()).isEqualTo(401);
        assertThat(refusal.path("error").asText()).contains("auth is required");
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aSubscriptionWithAValidSignatureSucceedsWithAnEmptyObject() {
        subscribe(client, "private-chat", auth(client, "private-chat"));

        JsonNode frame = client.next(PusherEvents.SUBSCRIPTION_SUCCEEDED);
        assertThat(frame.path("channel").asText()).isEqualTo("private-chat");
        assertThat(frame.path("data").asText()).isEqualTo("{}");
        client.assertNothingMore();
    }

    @Test
    void aBadSignInSignatureIsReportedWith4009ThenClosesWith4009() {
        signIn(client, "{\"id\":\"alice\"}", "key-1:" + "0".repeat(64));

        assertThat(client.assertError(ErrorCode.UNAUTHORIZED.code())).startsWith("Invalid signature");
        client.assertClosed(ErrorCode.UNAUTHORIZED.code());
    }

    @Test
    void framesAfterTheCloseAreDropped() {
        signIn(client, "{\"id\":\"alice\"}", "key-1:bad");
        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertClosed(ErrorCode.UNAUTHORIZED.code());

        handler.onMessage(client.connection(), "{\"event\":\"pusher:ping\"}");
        handler.onMessage(client.connection(), "not json");

        client.assertNothingMore();
    }

    @Test
    void signingInAsASecondUserIsReportedWith4009AndCloses() {
        signIn(client, "{\"id\":\"alice\"}");
        client.next(PusherEvents.SIGNIN_SUCCESS);

        signIn(client, "{\"id\":\"bob\"}");

        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertClosed(ErrorCode.UNAUTHORIZED.code());
    }

    @Test
    void aWatchlistOverTheLimitIsRefusedWith4302AndTheConnectionStays() {
        List<String> ids = IntStream.rangeClosed(0, SignInHandler.MAX_WATCHLIST).mapToObj(String::valueOf).toList();
        ObjectNode userData = JSON.createObjectNode().put("id", "alice");
        ids.forEach(userData.putArray("watchlist")::add);

        signIn(client, userData.toString());

        client.assertError(ErrorCode.WATCHLIST_OVER_LIMIT.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        assertThat(client.connection().userId()).as("signed in").isNull();
    }

    private void subscribe(RecordingSocket socket, String channel, String auth) {
        ObjectNode data = JSON.createObjectNode().put("channel", channel);
        if (auth != null) {
            data.put("auth", auth);
        }
        send(socket, PusherEvents.SUBSCRIBE, null, data);
    }

    /** Subscribes, signed when the channel needs it, and reads the confirmation. */
    private void join(RecordingSocket socket, String channel) {
        subscribe(socket, channel, channel.startsWith("private-") ? auth(socket, channel) : null);
        socket.next(PusherEvents.SUBSCRIPTION_SUCCEEDED);
    }

    private void clientEvent(RecordingSocket socket, String channel, int n) {
        send(socket, "client-typing", channel, JSON.createObjectNode().put("n", n));
    }

    private void signIn(RecordingSocket socket, String userData) {
        signIn(socket, userData, ChannelAuth.authString(APP.key(),
                ChannelAuth.userSignature(APP.secret(), socket.socketId(), userData)));
    }

    private void signIn(RecordingSocket socket, String userData, String auth) {
        send(socket, PusherEvents.SIGNIN, null, JSON.createObjectNode().put("auth", auth).put("user_data", userData));
    }

    private void send(RecordingSocket socket, String event, String channel, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("event", event);
        if (channel != null) {
            frame.put("channel", channel);
        }
        frame.set("data", data);
        handler.onMessage(socket.connection(), frame.toString());
    }

    private static String auth(RecordingSocket socket, String channel) {
        return ChannelAuth.authString(APP.key(), ChannelAuth.channelSignature(APP.secret(), socket.socketId(), channel, null));
    }

    /** Records the client events sessions report for webhooks. */
    private static final class RecordingSessionEvents implements SessionEvents {

        final List<String> clientEvents = new ArrayList<>();

        @Override
        public void clientEvent(App app, String channel, String event, String data, String socketId, String userId) {
            clientEvents.add(channel + " " + event + " " + data + " from " + socketId);
        }

        @Override
        public void cacheMiss(App app, String channel) {
        }
    }
}
