package io.herald.tests.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorized-connections mode: connections must sign in or join an authorized channel in time (4009). */
class AuthorizedConnectionsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final App STRICT = TestServer.APP.toBuilder().authorizedConnectionsTimeout(TIMEOUT).build();

    @Test
    void aConnectionThatNeitherSignsInNorJoinsAnAuthorizedChannelIsClosedWith4009() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(STRICT)));
             RecordingClient idle = server.connect();
             RecordingClient publicOnly = server.connect()) {
            publicOnly.subscribe("news");
            publicOnly.assertSubscribed("news");

            assertThat(idle.closeCode(Duration.ofSeconds(3))).isEqualTo(ErrorCode.UNAUTHORIZED.code());
            assertThat(publicOnly.closeCode(Duration.ofSeconds(3))).isEqualTo(ErrorCode.UNAUTHORIZED.code());
        }
    }

    @Test
    void signedInConnectionsAndAuthorizedSubscribersStay() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(STRICT)));
             RecordingClient signedIn = server.connect();
             RecordingClient privateSubscriber = server.connect();
             RecordingClient idle = server.connect()) {
            signedIn.signIn(STRICT, "{\"id\":\"u\"}");
            signedIn.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
            privateSubscriber.subscribeSigned(STRICT, "private-room");
            privateSubscriber.assertSubscribed("private-room");

            idle.assertClosed(ErrorCode.UNAUTHORIZED.code()); // the deadline has passed for all three

            assertThat(signedIn.isClosed()).isFalse();
            assertThat(privateSubscriber.isClosed()).isFalse();
            signedIn.subscribe("still-here");
            signedIn.assertSubscribed("still-here");
        }
    }

    @Test
    void appsWithoutTheModeKeepIdleConnections() {
        try (TestServer server = TestServer.start(); RecordingClient idle = server.connect()) {
            idle.assertNoEvent(TIMEOUT.multipliedBy(2));

            assertThat(idle.isClosed()).isFalse();
        }
    }
}
