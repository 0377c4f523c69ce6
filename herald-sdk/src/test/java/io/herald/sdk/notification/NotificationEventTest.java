package io.herald.sdk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.SdkTestSupport;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Go notification package's README examples written line for line in Java, checked by the JSON
 * a WebSocket subscriber of {@code channel-name-user-id} receives: the wire contract with front ends
 * written for that package, asserted verbatim as Go's {@code json.Marshal} writes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private HeraldRest client;
    private RecordingClient frontEnd;

    @BeforeAll
    void start() {
        server = TestServer.start();
        client = SdkTestSupport.client(server);
        frontEnd = server.connect();
        frontEnd.subscribe("channel-name-user-id");
        frontEnd.assertSubscribed("channel-name-user-id");
    }

    @AfterAll
    void stop() {
        frontEnd.close();
        server.close();
    }

    @Test
    void versionOneReadmeExample() throws Exception {
        // Send a toast notification
        NotificationEvent event = NotificationEvent.toast(
                "notification_event",
                "Hello World!",
                MessageType.SUCCESS);

        // Send to specific channel and user
        client.sendEventMessage("channel-name", "user-id", event);

        // Send download notification
        NotificationEvent downloadEvent = NotificationEvent.download(
                "download_event",
                "Your file is ready",
                "https://download-url.com",
                MessageType.INFO);

        client.sendEventMessage("channel-name", "user-id", downloadEvent);

        assertReceived("notification_event", """
                {"event_name":"notification_event","event_type":"TOAST",
                 "data":{"message":{"type":"success","content":"Hello World!","info":null},"link":""},
                 "is_last_response":true}""");
        assertReceived("download_event", """
                {"event_name":"download_event","event_type":"DOWNLOAD_LINK",
                 "data":{"message":{"type":"info","content":"Your file is ready","info":null},"link":"https://download-url.com"},
                 "is_last_response":true}""");
    }

    @Test
    void versionTwoReadmeExample() throws Exception {
        // Create actions
        List<NotificationAction> actions = List.of(
                NotificationAction.of(
                        ActionType.TOAST,
                        ActionData.message(NotificationMessage.of(
                                "Operation completed successfully",
                                MessageType.SUCCESS)),
                        1),
                NotificationAction.of(
                        ActionType.NAVIGATE,
                        ActionData.path("/dashboard"),
                        2));

        // Create notification event
        NotificationEvent event = NotificationEvent.of(
                "custom_event",
                EventKind.CUSTOM,
                true,
                actions);

        // Send event
        client.sendPusherEvent("channel-name", "user-id", event);

        assertReceived("custom_event", """
                {"event_name":"custom_event","event_type":"CUSTOM","is_last_response":true,"actions":[
                  {"action_type":"TOAST","data":{"type":"message","url":"","path":"",
                    "message":{"content":"Operation completed successfully","content_type":"success","meta":null,"is_meta_exist":false}},
                   "sequence":1},
                  {"action_type":"NAVIGATE","data":{"type":"path","url":"","path":"/dashboard",
                    "message":{"content":"","content_type":"","meta":null,"is_meta_exist":false}},
                   "sequence":2}]}""");
    }

    @Test
    void theShortBuildersWriteTheSameJsonAsTheLiteralForm() {
        NotificationEvent literal = NotificationEvent.of("custom_event", EventKind.CUSTOM, true, List.of(
                NotificationAction.of(ActionType.TOAST, ActionData.message("Done", MessageType.SUCCESS), 1),
                NotificationAction.of(ActionType.NAVIGATE, ActionData.path("/dashboard"), 2)));
        NotificationEvent shortForm = NotificationEvent.of("custom_event", true,
                NotificationAction.toast(1, "Done", MessageType.SUCCESS),
                NotificationAction.navigate(2, "/dashboard"));
        assertThat(shortForm.data()).isEqualTo(literal.data());
    }

    @Test
    void everyActionTypeAndMessageTypeHasItsGoWireName() throws Exception {
        NotificationEvent event = NotificationEvent.of("progress", false,
                NotificationAction.info(3, "Export running", MessageType.IN_PROGRESS),
                NotificationAction.download(1, "https://x.example/r.csv"),
                NotificationAction.audio(2, "https://x.example/ding.mp3"),
                NotificationAction.data(4, Map.of("progress", 40)),
                NotificationAction.of(ActionType.TOAST, ActionData.message("Careful", MessageType.WARNING), 5),
                NotificationAction.of(ActionType.TOAST, ActionData.message("Failed", MessageType.FAILURE), 6),
                NotificationAction.of(ActionType.INFO, ActionData.message("Hi", MessageType.NOTIFICATION), 7),
                NotificationAction.of(ActionType.NAVIGATE, ActionData.url("https://x.example/"), 8));
        JsonNode json = JSON.valueToTree(event.data());
        assertThat(json.get("is_last_response").asBoolean()).isFalse();
        assertThat(json.findValuesAsText("action_type"))
                .containsExactly("INFO", "DOWNLOAD", "AUDIO_NOTIFICATION", "DATA", "TOAST", "TOAST", "INFO", "NAVIGATE");
        assertThat(json.findValuesAsText("sequence")).containsExactly("3", "1", "2", "4", "5", "6", "7", "8");
        assertThat(json.findValuesAsText("content_type"))
                .containsExactly("in_progress", "", "", "", "warning", "failure", "notification", "");
        assertThat(json.at("/actions/1/data")).isEqualTo(JSON.readTree("""
                {"type":"url","url":"https://x.example/r.csv","path":"",
                 "message":{"content":"","content_type":"","meta":null,"is_meta_exist":false}}"""));
        assertThat(json.at("/actions/3/data/message")).isEqualTo(JSON.readTree("""
                {"content":"","content_type":"","meta":{"progress":40},"is_meta_exist":true}"""));
    }

    @Test
    void metadataTravelsWithTheMessage() throws Exception {
        NotificationEvent v1 = NotificationEvent.toast("export_event", "Export ready", MessageType.SUCCESS, Map.of("rows", 12), "r.csv");
        assertThat(JSON.valueToTree(v1.data()).at("/data/message/info"))
                .isEqualTo(JSON.readTree("[{\"rows\":12},\"r.csv\"]"));
        NotificationEvent v2 = NotificationEvent.of("export_event", true, NotificationAction.of(ActionType.DOWNLOAD_LINK,
                ActionData.url("https://x.example/r.csv")
                        .withMessage(NotificationMessage.of("Export ready", MessageType.SUCCESS).withMeta(Map.of("rows", 12))), 1));
        assertThat(JSON.valueToTree(v2.data()).at("/actions/0/data/message")).isEqualTo(JSON.readTree("""
                {"content":"Export ready","content_type":"success","meta":{"rows":12},"is_meta_exist":true}"""));
    }

    @Test
    void aProgressEventKeepsTheSubscriptionUntilTheLastResponse() throws Exception {
        NotificationEvent running = NotificationEvent.toast("export_event", "Export running", MessageType.IN_PROGRESS).lastResponse(false);
        client.sendNotificationAsync("channel-name", "user-id", running).join();
        assertThat(frontEnd.awaitEvent("export_event").json().get("is_last_response").asBoolean()).isFalse();
        assertThat(running.lastResponse(true).isLastResponse()).isTrue();
    }

    @Test
    void invalidNotificationsAreValidationErrors() {
        NotificationAction first = NotificationAction.toast(1, "a", MessageType.INFO);
        refused(() -> NotificationEvent.of("e", true), "actions must not be empty");
        refused(() -> NotificationEvent.of("e", EventKind.CUSTOM, true, List.of()), "actions must not be empty");
        refused(() -> NotificationEvent.of("e", true, first, NotificationAction.navigate(1, "/x")), "sequence 1 is used by more than one action");
        refused(() -> NotificationAction.toast(0, "a", MessageType.INFO), "sequence must be 1 or more, was 0");
        refused(() -> NotificationAction.toast(-2, "a", MessageType.INFO), "sequence must be 1 or more, was -2");
        refused(() -> NotificationAction.navigate(1, " "), "path must not be blank");
        refused(() -> NotificationAction.of(ActionType.NAVIGATE, ActionData.message("go", MessageType.INFO), 1),
                "a NAVIGATE action needs a path or url");
        refused(() -> NotificationEvent.toast(" ", "a", MessageType.INFO), "eventName must not be blank");
        refused(() -> NotificationEvent.toast("e", "a", null), "messageType must not be null");
        refused(() -> NotificationEvent.download("e", "a", "", MessageType.INFO), "link must not be blank");
        refused(() -> ActionData.message(NotificationMessage.NONE), "a message needs content or meta");
    }

    @Test
    void theSendMethodsRefuseBadArgumentsAsValidationErrorsAlsoWhenAsync() {
        NotificationEvent event = NotificationEvent.toast("e", "a", MessageType.INFO);
        refused(() -> client.sendEventMessage("channel-name", "", event), "recipientId must not be blank");
        refused(() -> client.sendPusherEvent("channel-name", "user-id", null), "notification must not be null");
        assertThatThrownBy(() -> client.sendNotificationAsync(" ", "user-id", event).join())
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("channel must not be blank");
        assertThatThrownBy(() -> client.sendPusherEventAsync("channel-name", "user-id", null).join())
                .cause().isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> client.sendEventMessageAsync("channel-name", null, event).join())
                .cause().isInstanceOf(HeraldValidationException.class);
    }

    private void assertReceived(String eventName, String expectedJson) throws Exception {
        ReceivedEvent received = frontEnd.awaitEvent(eventName);
        assertThat(received.channel()).isEqualTo("channel-name-user-id");
        assertThat(received.json()).isEqualTo(JSON.readTree(expectedJson));
    }

    private static void refused(ThrowingCallable call, String message) {
        var thrown = assertThatThrownBy(call).isExactlyInstanceOf(HeraldValidationException.class);
        if (message != null) {
            thrown.hasMessageContaining(message);
        }
    }
}
