package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

/**
 * {@code herald channels}, {@code channel}, {@code users}, {@code send-to-user} and
 * {@code terminate} against a real server with real subscribers.
 */
class QueryCommandsTest {

    @Test
    void channelsListsOccupiedChannelsWithUserCounts() {
        try (TestServer server = TestServer.start(); RecordingClient ada = server.connect(); RecordingClient bob = server.connect()) {
            ada.subscribePresence(TestServer.APP, "presence-lobby", "1", null);
            ada.assertSubscribed("presence-lobby");
            bob.subscribePresence(TestServer.APP, "presence-lobby", "2", null);
            bob.assertSubscribed("presence-lobby");
            ada.subscribe("orders");
            ada.assertSubscribed("orders");

            JsonNode all = Cli.forServer(server).run("channels").assertSuccess();
            JsonNode presence = Cli.forServer(server).run("channels", "--prefix", "presence-", "--info", "user_count").assertSuccess();

            assertThat(all.path("channels").has("orders")).isTrue();
            assertThat(all.path("channels").has("presence-lobby")).isTrue();
            assertThat(presence.path("channels").toString()).isEqualTo("{\"presence-lobby\":{\"user_count\":2}}");
        }
    }

    @Test
    void channelReportsOccupiedAndTheCountsAskedFor() {
        try (TestServer server = TestServer.start(); RecordingClient ada = server.connect()) {
            ada.subscribePresence(TestServer.APP, "presence-room", "1", null);
            ada.assertSubscribed("presence-room");

            JsonNode json = Cli.forServer(server)
                    .run("channel", "presence-room", "--info", "user_count,subscription_count").assertSuccess();
            JsonNode empty = Cli.forServer(server).run("channel", "nobody-here").assertSuccess();

            assertThat(json.path("occupied").asBoolean()).isTrue();
            assertThat(json.path("user_count").asInt()).isEqualTo(1);
            assertThat(json.path("subscription_count").asInt()).isEqualTo(1);
            assertThat(empty.path("occupied").asBoolean()).isFalse();
            assertThat(empty.get("user_count").isNull()).isTrue();
        }
    }

    @Test
    void channelTextOutputIsOneLine() {
        try (TestServer server = TestServer.start()) {
            Cli.Result result = Cli.forServer(server).run("channel", "quiet", "--output", "text");

            assertThat(result.out().strip()).isEqualTo("quiet is not occupied");
        }
    }

    @Test
    void usersListsThePresenceMembers() {
        try (TestServer server = TestServer.start(); RecordingClient ada = server.connect()) {
            ada.subscribePresence(TestServer.APP, "presence-team", "ada", "{\"name\":\"Ada\"}");
            ada.assertSubscribed("presence-team");

            JsonNode json = Cli.forServer(server).run("users", "presence-team").assertSuccess();

            assertThat(json.path("users").toString()).isEqualTo("[\"ada\"]");
        }
    }

    @Test
    void usersOfANonPresenceChannelIsAValidationErrorWithExit2() {
        try (TestServer server = TestServer.start()) {
            Cli.forServer(server).run("users", "orders").assertFailure(2, "only listed for presence- channels");
        }
    }

    @Test
    void sendToUserIsAccepted() {
        try (TestServer server = TestServer.start()) {
            JsonNode json = Cli.forServer(server).run("send-to-user", "42", "welcome", "{\"text\":\"hi\"}").assertSuccess();

            assertThat(json.path("user").asText()).isEqualTo("42");
            assertThat(json.path("event").asText()).isEqualTo("welcome");
        }
    }

    @Test
    void terminateClosesTheSignedInUsersConnections() {
        try (TestServer server = TestServer.start(); RecordingClient alice = server.connect(); RecordingClient bob = server.connect()) {
            alice.signIn(TestServer.APP, "{\"id\":\"42\"}");
            alice.awaitEvent("pusher:signin_success");
            bob.signIn(TestServer.APP, "{\"id\":\"7\"}");
            bob.awaitEvent("pusher:signin_success");

            JsonNode json = Cli.forServer(server).run("terminate", "42").assertSuccess();

            assertThat(json.path("user").asText()).isEqualTo("42");
            alice.assertClosed(4009);
            assertThat(bob.isClosed()).isFalse();
        }
    }

    @Test
    void terminateWithTheWrongSecretFailsWithExit1() {
        try (TestServer server = TestServer.start()) {
            JsonNode json = Cli.forServer(server).run("terminate", "42", "--secret", "wrong").assertFailure(1, "HTTP 401");

            assertThat(json.path("user").asText()).isEqualTo("42");
        }
    }
}
