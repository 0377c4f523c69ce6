package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.testkit.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WatchlistTest {

    @Test
    void reportsAWatchedUserOfflineAtSignInThenOnlineAndOfflineAsItComesAndGoes() {
        ClientRecorder alice = new ClientRecorder();
        ClientRecorder bob = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime aliceClient = Clients.signedIn(server, alice,
                     Clients.localUser("{\"id\":\"alice\",\"watchlist\":[\"bob\",\"carol\"]}"))) {
            assertThat(alice.awaitUserNotice("offline").detail()).isEqualTo("bob,carol");

            try (HeraldRealtime bobClient = Clients.signedIn(server, bob, Clients.localUser("{\"id\":\"bob\"}"))) {
                assertThat(alice.awaitUserNotice("online").detail()).isEqualTo("bob");
            }
            assertThat(alice.awaitUserNotice("offline").detail()).isEqualTo("bob");
        }
    }

    @Test
    void reportsWhoIsAlreadyOnlineAtSignIn() {
        ClientRecorder alice = new ClientRecorder();
        ClientRecorder bob = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime bobClient = Clients.signedIn(server, bob, Clients.localUser("{\"id\":\"bob\"}"));
             HeraldRealtime aliceClient = Clients.signedIn(server, alice,
                     Clients.localUser("{\"id\":\"alice\",\"watchlist\":[\"bob\",\"carol\"]}"))) {
            assertThat(alice.awaitUserNotice("online").detail()).isEqualTo("bob");
            assertThat(alice.awaitUserNotice("offline").detail()).isEqualTo("carol");
        }
    }

    @Test
    void aWatchlistOverTheLimitIsASigninErrorAndTheConnectionStays() {
        ClientRecorder recorder = new ClientRecorder();
        List<String> tooMany = IntStream.rangeClosed(1, 101).mapToObj(Integer::toString).toList();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.connected(server, recorder, b -> b.userAuthenticator(new LocalUserAuthenticator(
                     TestServer.APP.key(), TestServer.APP.secret(), Map.of("id", "alice", "watchlist", tooMany))))) {
            client.user().addListener(recorder);
            client.signin();

            assertThat(recorder.awaitUserNotice("signinError").status()).isEqualTo(ErrorCode.WATCHLIST_OVER_LIMIT.code());
            assertThat(client.user().isSignedIn()).isFalse();
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }
}
