package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.PusherEvents;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code pusher:connection_established}, socket ids and both kinds of ping. */
class ConnectionTest {

    @Test
    void connectionEstablishedCarriesSocketIdAndDefaultActivityTimeoutAsAJsonString() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            ReceivedEvent established = client.established();
            assertThat(established.event()).isEqualTo(PusherEvents.CONNECTION_ESTABLISHED);
            assertThat(established.channel()).isNull();
            assertThat(established.data().isTextual()).as("data is a JSON string: %s", established).isTrue();
            JsonNode data = established.json();
            assertThat(data.get("socket_id").asText()).matches("\\d+\\.\\d+").isEqualTo(client.socketId());
            assertThat(data.get("activity_timeout").isInt()).isTrue();
            assertThat(data.get("activity_timeout").asInt()).isEqualTo(120);
        }
    }

    @Test
    void connectionEstablishedAnnouncesTheConfiguredActivityTimeout() {
        try (TestServer server = TestServer.start(b -> b.activityTimeout(Duration.ofSeconds(42)));
             RecordingClient client = server.connect()) {
            assertThat(client.established().json().get("activity_timeout").asInt()).isEqualTo(42);
        }
    }

    @Test
    void socketIdsAreUniqueAcrossConnections() {
        List<RecordingClient> clients = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                RecordingClient client = server.connect();
                clients.add(client);
                assertThat(client.socketId()).matches("\\d+\\.\\d+");
                ids.add(client.socketId());
            }
            assertThat(ids).hasSize(20);
        } finally {
            clients.forEach(RecordingClient::close);
        }
    }

    @Test
    void pusherPingWithDataIsAnsweredWithPusherPong() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.sendText("{\"event\":\"pusher:ping\",\"data\":{}}");
            assertPong(client.nextEvent());
        }
    }

    @Test
    void pusherPingWithoutDataIsAnsweredWithPusherPong() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            // pusher-java-client sends its ping with no data member at all
            client.sendText("{\"event\":\"pusher:ping\"}");
            assertPong(client.nextEvent());
        }
    }

    @Test
    void webSocketPingFrameIsAnsweredWithPongFrameCarryingTheSamePayload() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            byte[] payload = "are-you-there".getBytes(StandardCharsets.UTF_8);
            client.sendPing(payload);
            assertThat(client.awaitPong()).isEqualTo(payload);
            client.assertNoEvent(Wire.QUIET); // answered at frame level, not with pusher:pong
        }
    }

    private static void assertPong(ReceivedEvent event) {
        assertThat(event.event()).isEqualTo(PusherEvents.PONG);
        assertThat(event.channel()).isNull();
    }
}
