package io.herald.tests.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import io.herald.sdk.HeraldRest;
import io.herald.server.app.App;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.SdkClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pusher:signin, #server-to-user-{id} and terminate_connections with the testkit client and herald-sdk. */
class SignInTest {

    private static final App APP = TestServer.APP;
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void aValidSignInIsAnsweredWithSigninSuccessCarryingTheUserData() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            String userData = "{\"id\":\"alice\",\"user_info\":{\"name\":\"Alice\"}}";
            client.signIn(APP, userData);

            ReceivedEvent success = client.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
            assertThat(success.json().get("user_data").asText()).isEqualTo(userData);
        }
    }

    @Test
    void aBadSignatureClosesTheConnectionWith4009() {
        App wrongSecret = App.builder(APP.id(), APP.key(), "not-the-secret").build();
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.signIn(wrongSecret, "{\"id\":\"alice\"}");

            client.assertError(ErrorCode.UNAUTHORIZED.code());
            client.assertClosed(ErrorCode.UNAUTHORIZED.code());
        }
    }

    @Test
    void userDataWithoutAnIdIsAnErrorAndTheConnectionStays() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.signIn(APP, "{\"user_info\":{}}");

            assertThat(client.assertError(null)).contains("id");
            client.subscribe("still-open");
            client.assertSubscribed("still-open");
        }
    }

    @Test
    void aConnectionSignedInAsOneUserCannotSignInAsAnother() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.signIn(APP, "{\"id\":\"alice\"}");
            client.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
            client.signIn(APP, "{\"id\":\"alice\"}");
            client.awaitEvent(PusherEvents.SIGNIN_SUCCESS); // the same user again is harmless

            client.signIn(APP, "{\"id\":\"mallory\"}");

            client.assertError(ErrorCode.UNAUTHORIZED.code());
            client.assertClosed(ErrorCode.UNAUTHORIZED.code());
        }
    }

    @Test
    void onlyTheUserSignedInMayJoinItsServerToUserChannel() {
        try (TestServer server = TestServer.start();
             RecordingClient anonymous = server.connect();
             RecordingClient bob = server.connect();
             RecordingClient alice = server.connect()) {
            bob.signIn(APP, "{\"id\":\"bob\"}");
            bob.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
            alice.signIn(APP, "{\"id\":\"alice\"}");
            alice.awaitEvent(PusherEvents.SIGNIN_SUCCESS);

            anonymous.subscribe("#server-to-user-alice");
            bob.subscribe("#server-to-user-alice");
            alice.subscribe("#server-to-user-alice");

            anonymous.assertSubscriptionError("#server-to-user-alice", 401);
            bob.assertSubscriptionError("#server-to-user-alice", 401);
            alice.assertSubscribed("#server-to-user-alice");
        }
    }

    @Test
    void sendToUserReachesEveryConnectionOfThatUserAndNoOneElse() {
        try (TestServer server = TestServer.start();
             RecordingClient laptop = signedIn(server, "alice");
             RecordingClient phone = signedIn(server, "alice");
             RecordingClient bob = signedIn(server, "bob");
             RecordingClient anonymous = server.connect()) {
            anonymous.subscribe("#server-to-user-alice");
            anonymous.assertSubscriptionError("#server-to-user-alice", 401);
            HeraldRest sdk = SdkClients.forServer(server, APP);

            sdk.sendToUser("alice", "greeting", Map.of("text", "hi"));

            for (RecordingClient alice : new RecordingClient[] {laptop, phone}) {
                ReceivedEvent event = alice.awaitEvent("greeting");
                assertThat(event.channel()).isEqualTo("#server-to-user-alice");
                assertThat(event.json().get("text").asText()).isEqualTo("hi");
            }
            bob.assertNoEvent(QUIET);
            anonymous.assertNoEvent(Duration.ZERO);
        }
    }

    @Test
    void terminateConnectionsClosesEveryConnectionOfThatUserOnly() {
        try (TestServer server = TestServer.start();
             RecordingClient laptop = signedIn(server, "alice");
             RecordingClient phone = signedIn(server, "alice");
             RecordingClient bob = signedIn(server, "bob")) {
            HeraldRest sdk = SdkClients.forServer(server, APP);

            assertThat(sdk.terminateUserConnections("alice").status()).isEqualTo(200);

            laptop.assertClosed(ErrorCode.UNAUTHORIZED.code());
            phone.assertClosed(ErrorCode.UNAUTHORIZED.code());
            bob.subscribe("after");
            bob.assertSubscribed("after");
            assertThat(bob.isClosed()).isFalse();
        }
    }

    @Test
    void terminatingAUserWithNoConnectionsSucceeds() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.api().post("/apps/" + APP.id() + "/users/nobody/terminate_connections", "{}").status()).isEqualTo(200);
        }
    }

    /** A connection signed in as {@code userId} and subscribed to its server-to-user channel, like pusher-js. */
    static RecordingClient signedIn(TestServer server, String userId) {
        RecordingClient client = server.connect();
        client.signIn(APP, "{\"id\":\"" + userId + "\"}");
        client.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
        client.subscribe("#server-to-user-" + userId);
        client.assertSubscribed("#server-to-user-" + userId);
        return client;
    }
}
