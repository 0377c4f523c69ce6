package io.herald.sdk.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.notification.MessageType;
import io.herald.sdk.notification.NotificationAction;
import io.herald.sdk.notification.NotificationEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publish bodies, field by field, as the Beams publish API reads them. */
class PublishRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWebNotificationCarriesEveryTypedField() throws Exception {
        WebNotification web = WebNotification.of("Order shipped", "Order 42 is on its way")
                .withIcon("https://shop.example/icon.png")
                .withDeepLink("https://shop.example/orders/42")
                .withHideIfSiteHasFocus(true)
                .withData(Map.of("orderId", 42))
                .withTimeToLive(Duration.ofHours(1));

        JsonNode body = JSON.readTree(PublishRequest.web(web).bodyTo("interests", List.of("orders")));

        assertThat(body).isEqualTo(JSON.readTree("""
                {"web":{"notification":{"title":"Order shipped","body":"Order 42 is on its way",
                  "icon":"https://shop.example/icon.png","deep_link":"https://shop.example/orders/42",
                  "hide_notification_if_site_has_focus":true},
                 "data":{"orderId":42},"time_to_live":3600},
                 "interests":["orders"]}"""));
    }

    @Test
    void fcmApnsAndWebhookUrlGoAsGiven() throws Exception {
        PublishRequest request = PublishRequest.web(WebNotification.of("Hi", null))
                .withFcm(Map.of("notification", Map.of("title", "Hi")))
                .withApns(Map.of("aps", Map.of("alert", "Hi")))
                .withWebhookUrl("https://hooks.example/beams");

        JsonNode body = JSON.readTree(request.bodyTo("users", List.of("u1", "u2")));

        assertThat(body.path("fcm").toString()).isEqualTo("{\"notification\":{\"title\":\"Hi\"}}");
        assertThat(body.path("apns").toString()).isEqualTo("{\"aps\":{\"alert\":\"Hi\"}}");
        assertThat(body.path("webhookUrl").asText()).isEqualTo("https://hooks.example/beams");
        assertThat(body.path("users").toString()).isEqualTo("[\"u1\",\"u2\"]");
        assertThat(body.path("web").path("notification").has("body")).isFalse();
    }

    @Test
    void aMapBodyIsTakenAsTheOfficialSdksTakeIt() {
        PublishRequest request = PublishRequest.of(Map.of("web", Map.of("notification", Map.of("title", "Hi"))));

        assertThat(request.toJson().toString()).isEqualTo("{\"web\":{\"notification\":{\"title\":\"Hi\"}}}");
        refused(() -> PublishRequest.of(Map.of("interests", List.of("a"), "web", Map.of())), "not in the body");
        refused(() -> PublishRequest.of(Map.of("webhookUrl", "https://x.example")), "at least one of web, fcm and apns");
    }

    @Test
    void badFieldsAreRefusedBeforeSending() {
        refused(() -> WebNotification.of(null, " "), "a title or a body");
        refused(() -> WebNotification.of("t", "b").withIcon("icon.png"), "icon must be an absolute http(s) URL");
        refused(() -> WebNotification.of("t", "b").withDeepLink("javascript:alert(1)"), "deep_link must be an absolute http(s) URL");
        refused(() -> WebNotification.of("t", "b").withTimeToLive(Duration.ofDays(29)), "0 to 2419200 seconds, was 2505600");
        refused(() -> WebNotification.of("t", "b").withTimeToLive(Duration.ofSeconds(-1)), "was -1");
        refused(() -> WebNotification.of("t", "b").withData(new Unwritable()), "web data could not be written as JSON");
    }

    @Test
    void aDataOnlyPushHasNoNotification() {
        assertThat(WebNotification.dataOnly(Map.of("k", "v")).toJson().toString()).isEqualTo("{\"data\":{\"k\":\"v\"}}");
    }

    @Test
    void aStructuredNotificationTravelsAsTheDataOfAWebNotification() throws Exception {
        PublishRequest request = HeraldPush.notificationRequest(
                WebNotification.of("Export ready", "Your export finished").withIcon("https://shop.example/icon.png"),
                NotificationEvent.of("export_event", true,
                        NotificationAction.toast(1, "Export ready", MessageType.SUCCESS),
                        NotificationAction.download(2, "https://shop.example/x.csv")));

        assertThat(JSON.readTree(request.bodyTo("interests", List.of("orders-42")))).isEqualTo(JSON.readTree("""
                {"web":{"notification":{"title":"Export ready","body":"Your export finished","icon":"https://shop.example/icon.png"},
                        "data":{"event":"export_event","notification":{"event_name":"export_event","event_type":"CUSTOM","is_last_response":true,
                          "actions":[{"action_type":"TOAST","data":{"type":"message","url":"","path":"",
                                       "message":{"content":"Export ready","content_type":"success","meta":null,"is_meta_exist":false}},"sequence":1},
                                     {"action_type":"DOWNLOAD","data":{"type":"url","url":"https://shop.example/x.csv","path":"",
                                       "message":{"content":"","content_type":"","meta":null,"is_meta_exist":false}},"sequence":2}]}}},
                 "interests":["orders-42"]}"""));
        refused(() -> HeraldPush.notificationRequest(WebNotification.of("t", "b").withData(Map.of()),
                NotificationEvent.toast("e", "i", MessageType.INFO)), "web already carries data");
    }

    /** A value Jackson fails to write: its one property throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not today");
        }
    }

    private static void refused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(HeraldValidationException.class).hasMessageContaining(message);
    }
}
