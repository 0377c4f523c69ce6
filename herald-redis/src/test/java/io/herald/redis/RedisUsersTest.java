package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.PusherEvents;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Signed-in users across two nodes (on one redis-server and on a Redis Cluster): sendToUser,
 * terminate_connections and watchlists.
 */
class RedisUsersTest extends TwoNodesOnEachRedis {

    private static RecordingClient signIn(TestServer node, String userData) {
        RecordingClient client = node.connect();
        client.signIn(TestServer.APP, userData);
        client.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
        return client;
    }

    @Test
    void anEventSentToAUserReachesItsConnectionsOnEveryNode() {
        try (RecordingClient onA = signIn(a, "{\"id\":\"una\"}"); RecordingClient onB = signIn(b, "{\"id\":\"una\"}")) {
            for (RecordingClient client : new RecordingClient[] {onA, onB}) {
                client.subscribe("#server-to-user-una"); // as pusher-js does after signing in
                client.assertSubscribed("#server-to-user-una");
            }
            assertThat(b.api().post("/apps/app-id/events",
                    "{\"name\":\"note\",\"channel\":\"#server-to-user-una\",\"data\":\"hi\"}").status()).isEqualTo(200);

            assertThat(onA.awaitEvent("note").data().asText()).isEqualTo("hi");
            assertThat(onB.awaitEvent("note").data().asText()).isEqualTo("hi");
            onA.assertNoEvent(QUIET);
        }
    }

    @Test
    void terminateConnectionsClosesTheUsersConnectionsOnEveryNode() {
        try (RecordingClient onA = signIn(a, "{\"id\":\"tom\"}"); RecordingClient onB = signIn(b, "{\"id\":\"tom\"}");
             RecordingClient other = signIn(b, "{\"id\":\"tim\"}")) {
            assertThat(a.api().post("/apps/app-id/users/tom/terminate_connections", "{}").status()).isEqualTo(200);

            assertThat(onA.closeCode(RecordingClient.TIMEOUT)).isPositive();
            assertThat(onB.closeCode(RecordingClient.TIMEOUT)).isPositive();
            assertThat(other.isClosed()).isFalse();
        }
    }

    @Test
    void watchersHearOfUsersComingAndGoingOnOtherNodes() {
        try (RecordingClient alice = signIn(a, "{\"id\":\"alice\",\"watchlist\":[\"bob\"]}")) {
            assertThat(alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS).raw()).contains("offline");

            RecordingClient laptop = signIn(b, "{\"id\":\"bob\"}");
            assertThat(alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS).raw()).contains("online").contains("bob");
            RecordingClient phone = signIn(a, "{\"id\":\"bob\"}");
            alice.assertNoEvent(QUIET); // online on another node already

            laptop.close();
            alice.assertNoEvent(QUIET); // still online on the phone
            phone.close();
            assertThat(alice.awaitEvent(PusherEvents.WATCHLIST_EVENTS).raw()).contains("offline").contains("bob");
        }
    }

    @Test
    void aWatchlistSignInSeesUsersOnlineOnOtherNodes() {
        try (RecordingClient carol = signIn(b, "{\"id\":\"carol\"}")) {
            try (RecordingClient dan = a.connect()) {
                dan.signIn(TestServer.APP, "{\"id\":\"dan\",\"watchlist\":[\"carol\"]}");
                dan.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
                String state = dan.awaitEvent(PusherEvents.WATCHLIST_EVENTS).raw();
                assertThat(state).contains("online").doesNotContain("offline");
            }
        }
    }
}
