package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

class WatchlistTest {

    @Test
    void reportsAWatchedUserOfflineAtSignInThenOnlineAndOfflineAsItComesAndGoes() {
        ClientRecorder alice = new ClientRecorder();
        ClientRecorder bob = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldClient aliceClient = Clients.signedIn(server, alice,
                     Clients.localUser("{\"id\":\"alice\",\"watchlist\":[\"bob\",\"carol\"]}"))) {
            assertThat(alice.awaitUserNotice("offline").detail()).isEqualTo("bob,carol");

            try (HeraldClient bobClient = Clients.signedIn(server, bob, Clients.localUser("{\"id\":\"bob\"}"))) {
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
             HeraldClient bobClient = Clients.signedIn(server, bob, Clients.localUser("{\"id\":\"bob\"}"));
             HeraldClient aliceClient = Clients.signedIn(server, alice,
                     Clients.localUser("{\"id\":\"alice\",\"watchlist\":[\"bob\",\"carol\"]}"))) {
            assertThat(alice.awaitUserNotice("online").detail()).isEqualTo("bob");
            assertThat(alice.awaitUserNotice("offline").detail()).isEqualTo("carol");
        }
    }
}
