package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserSignInTest {

    private static final String USER_42 = "{\"id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}";
    private static final String USER_TO_42 = "#server-to-user-42";
    private static final Duration QUIET = Duration.ofMillis(300);

    @Test
    void deliversWhatIsSentToTheUserToEveryClientSignedInAsThatUserOnly() {
        ClientRecorder laptop = new ClientRecorder();
        ClientRecorder phone = new ClientRecorder();
        ClientRecorder other = new ClientRecorder();
        ClientRecorder laptopUser = new ClientRecorder();
        ClientRecorder phoneUser = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime first = Clients.signedIn(server, laptop, Clients.localUser(USER_42));
             HeraldRealtime second = Clients.signedIn(server, phone, Clients.localUser(USER_42));
             HeraldRealtime seven = Clients.signedIn(server, other, Clients.localUser("{\"id\":\"7\"}"))) {
            first.user().bind("hello", laptopUser);
            second.user().bindGlobal(phoneUser);
            assertThat(first.user().id()).isEqualTo("42");
            assertThat(first.user().userData()).isEqualTo(USER_42);
            assertThat(first.user().isSignedIn()).isTrue();

            Clients.publish(server, USER_TO_42, "hello", "{\"n\":1}");

            PusherEvent received = laptopUser.awaitEvent("hello", USER_TO_42);
            assertThat(received.data()).isEqualTo("{\"n\":1}");
            assertThat(phoneUser.awaitEvent("hello", USER_TO_42).data()).isEqualTo("{\"n\":1}");
            other.assertNoEvent("hello", QUIET); // it records every frame the client for user 7 gets
        }
    }

    @Test
    void signsInThroughAnHttpUserAuthEndpointOnConnect() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             AuthEndpoint endpoint = new AuthEndpoint((socketId, channel) ->
                     channel == null ? Clients.userAuth(socketId, USER_42) : null);
             HeraldRealtime client = new HeraldRealtime(Clients.options(server)
                     .userAuthenticator(new HttpUserAuthenticator(endpoint.uri()))
                     .signinOnConnect(true)
                     .build())) {
            client.bindGlobal(recorder).user().addListener(recorder);
            client.connect();

            assertThat(Clients.awaitSignedIn(recorder)).isEqualTo("42");
            assertThat(client.user().userData()).isEqualTo(USER_42);
            assertThat(endpoint.requests()).isEqualTo(1);
        }
    }

    @Test
    void reportsAUserAuthEndpointThatRefusesAndStaysConnected() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             AuthEndpoint endpoint = new AuthEndpoint((socketId, channel) -> null);
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.userAuthenticator(new HttpUserAuthenticator(endpoint.uri())))) {
            client.user().addListener(recorder);
            client.signin();

            ClientRecorder.Notice error = recorder.awaitUserNotice("signinError");
            assertThat(error.status()).isZero();
            assertThat(error.detail()).contains("403");
            assertThat(client.user().isSignedIn()).isFalse();
            assertThat(recorder.statesDuring(QUIET)).isEmpty();
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aBadSignatureIsReportedAndTheClientStopsWith4009() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.connected(server, recorder, b -> b.userAuthenticator(
                     new LocalUserAuthenticator(TestServer.APP.key(), "not-the-secret", USER_42)))) {
            client.user().addListener(recorder);
            client.signin();

            ClientRecorder.Notice error = recorder.awaitUserNotice("signinError");
            assertThat(error.status()).isEqualTo(ErrorCode.UNAUTHORIZED.code());
            ConnectionStateChange failed = recorder.awaitState(ConnectionState.FAILED);
            assertThat(failed.closeCode()).isEqualTo(ErrorCode.UNAUTHORIZED.code());
            assertThat(recorder.statesDuring(QUIET)).isEmpty();
            assertThat(client.user().isSignedIn()).isFalse();
        }
    }

    @Test
    void terminateConnectionsClosesTheSignedInClientWith4009ForGood() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.signedIn(server, recorder, Clients.localUser(USER_42))) {
            assertThat(server.api().post("/apps/" + TestServer.APP.id() + "/users/42/terminate_connections", "{}")
                    .status()).isEqualTo(200);

            ConnectionStateChange failed = recorder.awaitState(ConnectionState.FAILED);
            assertThat(failed.closeCode()).isEqualTo(ErrorCode.UNAUTHORIZED.code());
            assertThat(recorder.statesDuring(QUIET)).isEmpty();
            assertThat(client.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(client.user().isSignedIn()).isFalse();
        }
    }

    @Test
    void signsInAgainAndReceivesSendToUserAfterTheServerRestarts() {
        int port = Clients.freePort();
        ClientRecorder recorder = new ClientRecorder();
        ClientRecorder userEvents = new ClientRecorder();
        TestServer first = Clients.startOn(port);
        try (HeraldRealtime client = Clients.signedIn(first, recorder, Clients.localUser(USER_42))) {
            client.user().bind("after", userEvents);
            String firstSocketId = client.socketId();

            first.close();
            recorder.awaitState(ConnectionState.RECONNECTING);
            assertThat(client.user().isSignedIn()).isFalse();

            try (TestServer second = Clients.startOn(port)) {
                assertThat(Clients.awaitSignedIn(recorder)).isEqualTo("42");
                assertThat(client.socketId()).isNotEqualTo(firstSocketId);
                assertThat(client.user().isSignedIn()).isTrue();

                Clients.publish(second, USER_TO_42, "after", "1");
                assertThat(userEvents.awaitEvent("after", USER_TO_42).data()).isEqualTo("1");
            }
        } finally {
            first.close();
        }
    }
}
