package io.herald.tests.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.channel.PusherEvent;
import io.herald.sdk.HeraldRest;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.PusherJavaClient;
import io.herald.tests.support.SdkClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User sign-in and sendToUser as the official pusher-java-client 2.4.4 uses them. */
class PusherJavaClientUsersTest {

    private static final App APP = TestServer.APP;

    @Test
    void pusherJavaClientSignsInAndReceivesSendToUserOnEveryConnection() {
        try (TestServer server = TestServer.start();
             PusherJavaClient first = PusherJavaClient.signedIn(server, APP, "{\"id\":\"carol\"}");
             PusherJavaClient second = PusherJavaClient.signedIn(server, APP, "{\"id\":\"carol\"}");
             RecordingClient dave = SignInTest.signedIn(server, "dave")) {
            first.bindUserEvent("notice");
            second.bindUserEvent("notice");
            assertThat(first.awaitSignedIn()).isEqualTo("carol");
            assertThat(second.awaitSignedIn()).isEqualTo("carol");
            HeraldRest sdk = SdkClients.forServer(server, APP);

            sdk.sendToUser("carol", "notice", Map.of("n", 1));

            for (PusherJavaClient carol : new PusherJavaClient[] {first, second}) {
                PusherEvent event = carol.nextEvent();
                assertThat(event.getEventName()).isEqualTo("notice");
                assertThat(event.getData()).isEqualTo("{\"n\":1}");
            }
            dave.assertNoEvent(Duration.ofMillis(300));
        }
    }
}
