package io.herald.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void publishedEventReachesPublicSubscriber() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            assertThat(client.socketId()).matches("\\d+\\.\\d+");
            client.subscribe("news");
            client.assertSubscribed("news");
            ApiClient.Result result = server.api().post("/apps/app-id/events",
                    "{\"name\":\"flash\",\"channels\":[\"news\"],\"data\":\"{\\\"a\\\":1}\"}");
            assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
            assertThat(result.body().get("event_id").asText()).isNotBlank();
            ReceivedEvent event = client.awaitEvent("flash");
            assertThat(event.channel()).isEqualTo("news");
            assertThat(event.json().get("a").asInt()).isEqualTo(1);
        }
    }
}
