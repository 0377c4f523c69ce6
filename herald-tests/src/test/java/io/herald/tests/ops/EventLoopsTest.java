package io.herald.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code event-loops: 1}: every socket, WebSocket and HTTP alike, shares one loop and is served in full. */
class EventLoopsTest {

    @Test
    void aNodeOnOneEventLoopServesSubscribersAndPublishers() {
        try (TestServer server = TestServer.start(b -> b.eventLoops(1))) {
            List<RecordingClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    RecordingClient client = server.connect();
                    clients.add(client);
                    client.subscribe("scores");
                    client.assertSubscribed("scores");
                }
                ApiClient.Result result = server.api().post("/apps/app-id/events",
                        "{\"name\":\"goal\",\"channels\":[\"scores\"],\"data\":\"{\\\"minute\\\":90}\"}");
                assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
                for (RecordingClient client : clients) {
                    assertThat(client.awaitEvent("goal").json().get("minute").asInt()).isEqualTo(90);
                }
            } finally {
                clients.forEach(RecordingClient::close);
            }
        }
    }
}
