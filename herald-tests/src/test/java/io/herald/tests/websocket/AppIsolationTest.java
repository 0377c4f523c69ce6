package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ErrorCode;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two apps on one server never see each other's channels, events, credentials or quotas. */
class AppIsolationTest {

    private static final App APP_A = App.builder("a-id", "a-key", "a-secret").maxConnections(1).build();
    private static final App APP_B = App.of("b-id", "b-key", "b-secret");

    private static TestServer startServer() {
        return TestServer.start(b -> b.apps(List.of(APP_A, APP_B)));
    }

    @Test
    void triggerToOneAppReachesOnlyThatAppsSubscribersOfTheSameChannelName() {
        try (TestServer server = startServer();
             RecordingClient a = server.connect(APP_A);
             RecordingClient b = server.connect(APP_B)) {
            Wire.subscribe(a, APP_A, "news");
            Wire.subscribe(b, APP_B, "news");

            Wire.trigger(server, APP_A, "news", "for-a", "{}");
            assertThat(a.awaitEvent("for-a").channel()).isEqualTo("news");
            Wire.trigger(server, APP_B, "news", "for-b", "{}");
            assertThat(b.nextEvent().event()).as("b's first event").isEqualTo("for-b");
            a.assertNoEvent(Wire.QUIET);
        }
    }

    @Test
    void otherAppsCredentialsCannotSubscribeToAPrivateChannel() {
        try (TestServer server = startServer(); RecordingClient a = server.connect(APP_A)) {
            String bSignature = ChannelAuth.channelSignature(APP_B.secret(), a.socketId(), "private-x", null);
            a.subscribe("private-x", ChannelAuth.authString(APP_B.key(), bSignature), null);
            a.assertSubscriptionError("private-x", 401);
            a.subscribe("private-x", ChannelAuth.authString(APP_A.key(), bSignature), null);
            a.assertSubscriptionError("private-x", 401);

            a.subscribeSigned(APP_A, "private-x");
            a.assertSubscribed("private-x");
        }
    }

    @Test
    void clientEventsStayInTheirApp() {
        try (TestServer server = startServer();
             RecordingClient a = server.connect(APP_A);
             RecordingClient b1 = server.connect(APP_B);
             RecordingClient b2 = server.connect(APP_B)) {
            for (RecordingClient client : List.of(b1, b2)) {
                Wire.subscribe(client, APP_B, "private-x");
            }
            Wire.subscribe(a, APP_A, "private-x");

            b1.send("client-hello", "private-x", Wire.JSON.createObjectNode());
            b2.awaitEvent("client-hello");
            assertThat(Wire.roundTrip(a)).as("frames reaching app A").isEmpty();
        }
    }

    @Test
    void connectionQuotaCountsOnlyTheAppsOwnConnections() {
        try (TestServer server = startServer();
             RecordingClient b1 = server.connect(APP_B);
             RecordingClient b2 = server.connect(APP_B);
             RecordingClient a = server.connect(APP_A)) {
            assertThat(a.socketId()).as("A admitted while B holds two connections").isNotNull();
            try (RecordingClient aAgain = server.connect(APP_A)) {
                assertThat(aAgain.socketId()).isNull();
                aAgain.assertClosed(ErrorCode.OVER_CONNECTION_QUOTA.code());
            }
            try (RecordingClient b3 = server.connect(APP_B)) {
                assertThat(b3.socketId()).as("B is not limited by A's quota").isNotNull();
            }
        }
    }
}
