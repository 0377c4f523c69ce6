package io.herald.tests.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * pusher_internal:watchlist_events in the shape pusher-js reads:
 * {@code {"events":[{"name":"online"|"offline","user_ids":[…]}]}} with no channel.
 */
class WatchlistTest {

    private static final App APP = TestServer.APP;
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void signInReportsTheCurrentStateOfTheWatchlist() {
        try (TestServer server = TestServer.start();
             RecordingClient bob = signIn(server, "{\"id\":\"bob\"}")) {
            try (RecordingClient alice = server.connect()) {
                alice.signIn(APP, "{\"id\":\"alice\",\"watchlist\":[\"bob\",\"carol\"]}");
                alice.awaitEvent(PusherEvents.SIGNIN_SUCCESS);

                ReceivedEvent state = alice.nextEvent();
                assertThat(state.event()).isEqualTo(PusherEvents.WATCHLIST_EVENTS);
                assertThat(state.channel()).isNull();
                assertThat(state.json().toString()).isEqualTo(
                        "{\"events\":[{\"name\":\"online\",\"user_ids\":[\"bob\"]},"
                                + "{\"name\":\"offline\",\"user_ids\":[\"carol\"]}]}");
            }
        }
    }

    @Test
    void watchersHearWhenAUserComesOnlineAndWhenItsLastConnectionGoes() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = signIn(server, "{\"id\":\"alice\",\"watchlist\":[\"bob\"]}")) {
            assertThat(events(alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS))).containsExactly("offline:[bob]");

            RecordingClient laptop = signIn(server, "{\"id\":\"bob\"}");
            assertThat(events(alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS))).containsExactly("online:[bob]");
            RecordingClient phone = signIn(server, "{\"id\":\"bob\"}");
            alice.assertNoEvent(QUIET); // a second connection of an online user changes nothing

            laptop.close();
            alice.assertNoEvent(QUIET); // still online on the phone
            phone.close();
            assertThat(events(alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS))).containsExactly("offline:[bob]");
        }
    }

    @Test
    void usersNotOnTheWatchlistAreNotReported() {
        try (TestServer server = TestServer.start();
             RecordingClient alice = signIn(server, "{\"id\":\"alice\",\"watchlist\":[\"bob\"]}");
             RecordingClient noWatchlist = signIn(server, "{\"id\":\"erin\"}")) {
            alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS);

            try (RecordingClient dave = signIn(server, "{\"id\":\"dave\"}")) {
                alice.assertNoEvent(QUIET);
                noWatchlist.assertNoEvent(Duration.ZERO);
            }
        }
    }

    @Test
    void aWatchlistOfMoreThan100IdsIsRefusedWith4302() {
        String ids = IntStream.rangeClosed(1, 101).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.signIn(APP, "{\"id\":\"alice\",\"watchlist\":[" + ids + "]}");

            assertThat(client.assertError(ErrorCode.WATCHLIST_OVER_LIMIT.code())).contains("100");
            client.signIn(APP, "{\"id\":\"alice\",\"watchlist\":[\"u1\"]}");
            client.awaitEvent(PusherEvents.SIGNIN_SUCCESS); // the connection stays usable
        }
    }

    private static RecordingClient signIn(TestServer server, String userData) {
        RecordingClient client = server.connect();
        client.signIn(APP, userData);
        client.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
        return client;
    }

    /** {@code name:[ids]} for each entry of a watchlist_events payload. */
    private static List<String> events(ReceivedEvent event) {
        List<String> list = new ArrayList<>();
        for (JsonNode entry : event.json().get("events")) {
            List<String> ids = new ArrayList<>();
            entry.get("user_ids").forEach(id -> ids.add(id.asText()));
            list.add(entry.get("name").asText() + ":" + ids.toString().replace(" ", ""));
        }
        return list;
    }
}
