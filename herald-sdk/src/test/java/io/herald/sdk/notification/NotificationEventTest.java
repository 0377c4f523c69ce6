package io.herald.sdk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.SdkTestSupport;
import io.herald.sdk.TriggerResult;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON each notification produces is the contract with front ends: asserted here verbatim. */
class NotificationEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void versionOneToastIsFlatAndNamedAfterItsType() throws Exception {
        NotificationEvent toast = NotificationEvent.of(MessageType.SUCCESS, NotificationAction.toast("Saved", "Order 42 saved"));
        assertThat(toast.eventName()).isEqualTo("toast");
        assertThat(json(toast)).isEqualTo(
                "{\"version\":1,\"type\":\"toast\",\"messageType\":\"success\",\"isLastResponse\":true,"
                + "\"message\":\"Order 42 saved\",\"title\":\"Saved\"}");
    }

    @Test
    void everyVersionOneTypeHasItsPayload() throws Exception {
        assertThat(json(NotificationEvent.of(MessageType.INFO,
                NotificationAction.downloadLink("https://x/r.csv", "r.csv").with("mimeType", "text/csv"), false)))
                .isEqualTo("{\"version\":1,\"type\":\"download_link\",\"messageType\":\"info\",\"isLastResponse\":false,"
                        + "\"url\":\"https://x/r.csv\",\"fileName\":\"r.csv\",\"mimeType\":\"text/csv\"}");
        assertThat(json(NotificationEvent.of(MessageType.NOTIFICATION, NotificationAction.navigate("/orders/42").with("newTab", true))))
                .isEqualTo("{\"version\":1,\"type\":\"navigate\",\"messageType\":\"notification\",\"isLastResponse\":true,"
                        + "\"url\":\"/orders/42\",\"newTab\":true}");
        assertThat(json(NotificationEvent.of(MessageType.WARNING, NotificationAction.info("Disk almost full"))))
                .isEqualTo("{\"version\":1,\"type\":\"info\",\"messageType\":\"warning\",\"isLastResponse\":true,"
                        + "\"message\":\"Disk almost full\"}");
        assertThat(json(NotificationEvent.of(MessageType.FAILURE, NotificationAction.audio("alarm"))))
                .isEqualTo("{\"version\":1,\"type\":\"audio_notification\",\"messageType\":\"failure\",\"isLastResponse\":true,"
                        + "\"sound\":\"alarm\"}");
        assertThat(json(NotificationEvent.of(MessageType.IN_PROGRESS, NotificationAction.data(Map.of("progress", 40)), false)))
                .isEqualTo("{\"version\":1,\"type\":\"data\",\"messageType\":\"in_progress\",\"isLastResponse\":false,"
                        + "\"data\":{\"progress\":40}}");
    }

    @Test
    void versionTwoCarriesOrderedNumberedActions() throws Exception {
        NotificationEvent event = NotificationEvent.v2(MessageType.IN_PROGRESS)
                .action(NotificationAction.toast("Export running"))
                .action(NotificationAction.data(Map.of("progress", 40)))
                .action(NotificationAction.audio("tick"))
                .lastResponse(false)
                .build();
        assertThat(event.eventName()).isEqualTo("notification");
        assertThat(json(event)).isEqualTo("{\"version\":2,\"messageType\":\"in_progress\",\"isLastResponse\":false,\"actions\":["
                + "{\"sequence\":1,\"type\":\"toast\",\"payload\":{\"message\":\"Export running\"}},"
                + "{\"sequence\":2,\"type\":\"data\",\"payload\":{\"data\":{\"progress\":40}}},"
                + "{\"sequence\":3,\"type\":\"audio_notification\",\"payload\":{\"sound\":\"tick\"}}]}");
    }

    @Test
    void buildersRefuseIncompleteNotifications() {
        assertThatThrownBy(() -> NotificationEvent.v2(MessageType.INFO).build()).hasMessageContaining("actions");
        assertThatThrownBy(() -> NotificationAction.toast(" ")).hasMessageContaining("message");
        assertThatThrownBy(() -> NotificationAction.downloadLink("https://x", null)).hasMessageContaining("fileName");
        assertThatThrownBy(() -> NotificationEvent.recipientChannel("orders", "")).hasMessageContaining("recipientId");
    }

    @Test
    void sendNotificationDeliversOnTheRecipientsChannel() throws Exception {
        try (TestServer server = TestServer.start(); RecordingClient recipient = server.connect()) {
            recipient.subscribe("orders-42");
            recipient.assertSubscribed("orders-42");
            HeraldRest herald = SdkTestSupport.client(server);
            NotificationEvent toast = NotificationEvent.of(MessageType.SUCCESS, NotificationAction.toast("Saved"));
            NotificationEvent v2 = NotificationEvent.v2(MessageType.INFO).action(NotificationAction.navigate("/x")).build();

            TriggerResult result = herald.sendNotification("orders", "42", toast);
            assertThat(result.eventId()).isNotBlank();
            ReceivedEvent received = recipient.awaitEvent("toast");
            assertThat(received.json()).isEqualTo(JSON.readTree(json(toast)));

            herald.sendNotificationAsync("orders", "42", v2).join();
            assertThat(recipient.awaitEvent("notification").json().at("/actions/0/payload/url").asText()).isEqualTo("/x");
        }
    }

    private static String json(NotificationEvent event) throws Exception {
        return JSON.writeValueAsString(event.data());
    }
}
