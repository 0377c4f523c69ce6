package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.Limits;
import io.herald.protocol.PusherEvents;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ClientMessageHandler} in memory ({@link SessionFixture}): what a client's frames get back,
 * the error path above all: which {@code pusher:error} code, and whether the connection closes.
 */
class ClientMessageHandlerTest {

    private final SessionFixture session = new SessionFixture();
    private final RecordingSocket client = session.connect();

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
        session.sendText(client, frame);

        client.assertError(null);
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aPingIsAnsweredWithAPong() {
        session.sendText(client, "{\"event\":\"pusher:ping\"}");

        client.next(PusherEvents.PONG);
        client.assertNothingMore();
    }

    @Test
    void aClientEventOnAPublicChannelIsRefusedWith4009AndTheConnectionStays() {
        session.join(client, "lobby");

        session.clientEvent(client, "lobby", 1);

        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        assertThat(session.events.clientEvents).isEmpty();
    }

    @Test
    void aClientEventOnAChannelTheSenderHasNotJoinedIsRefusedWith4009AndTheConnectionStays() {
        session.clientEvent(client, "private-chat", 1);

        assertThat(client.assertError(ErrorCode.UNAUTHORIZED.code())).contains("not subscribed");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aClientEventIsRelayedToTheOtherSubscribersReportedAndNotEchoed() {
        RecordingSocket other = session.connect();
        session.join(client, "private-chat");
        session.join(other, "private-chat");

        session.clientEvent(client, "private-chat", 7);

        JsonNode relayed = other.next("client-typing");
        assertThat(relayed.path("channel").asText()).isEqualTo("private-chat");
        assertThat(relayed.path("data").path("n").asInt()).isEqualTo(7);
        client.assertNothingMore();
        assertThat(session.events.clientEvents).containsExactly("private-chat client-typing {\"n\":7} from 1.1");
    }

    @Test
    void clientEventsOverTheRateAreRefusedWith4301AndTheConnectionStays() {
        RecordingSocket other = session.connect();
        session.join(client, "private-chat");
        session.join(other, "private-chat");
        int limit = Limits.DEFAULT_CLIENT_EVENTS_PER_SECOND;

        IntStream.rangeClosed(1, limit + 1).forEach(n -> session.clientEvent(client, "private-chat", n));

        client.assertError(ErrorCode.CLIENT_EVENT_REJECTED.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        for (int n = 1; n <= limit; n++) {
            assertThat(other.next("client-typing").path("data").path("n").asInt()).isEqualTo(n);
        }
        other.assertNothingMore();
    }

    @Test
    void aBadSignInSignatureIsReportedWith4009ThenClosesWith4009() {
        session.signIn(client, "{\"id\":\"alice\"}", "key-1:" + "0".repeat(64));

        assertThat(client.assertError(ErrorCode.UNAUTHORIZED.code())).startsWith("Invalid signature");
        client.assertClosed(ErrorCode.UNAUTHORIZED.code());
    }

    @Test
    void framesAfterTheCloseAreDropped() {
        session.signIn(client, "{\"id\":\"alice\"}", "key-1:bad");
        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertClosed(ErrorCode.UNAUTHORIZED.code());

        session.sendText(client, "{\"event\":\"pusher:ping\"}");
        session.sendText(client, "not json");

        client.assertNothingMore();
    }

    @Test
    void signingInAsASecondUserIsReportedWith4009AndCloses() {
        session.signIn(client, "{\"id\":\"alice\"}");
        client.next(PusherEvents.SIGNIN_SUCCESS);

        session.signIn(client, "{\"id\":\"bob\"}");

        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertClosed(ErrorCode.UNAUTHORIZED.code());
    }

    @Test
    void aWatchlistOverTheLimitIsRefusedWith4302AndTheConnectionStays() {
        List<String> ids = IntStream.rangeClosed(0, SignInHandler.MAX_WATCHLIST).mapToObj(String::valueOf).toList();
        ObjectNode userData = SessionFixture.JSON.createObjectNode().put("id", "alice");
        ids.forEach(userData.putArray("watchlist")::add);

        session.signIn(client, userData.toString());

        client.assertError(ErrorCode.WATCHLIST_OVER_LIMIT.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
        assertThat(client.connection().userId()).as("signed in").isNull();
    }
}
