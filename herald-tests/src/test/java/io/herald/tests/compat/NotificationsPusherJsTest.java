package io.herald.tests.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.notification.ActionData;
import io.herald.sdk.notification.ActionType;
import io.herald.sdk.notification.EventKind;
import io.herald.sdk.notification.MessageType;
import io.herald.sdk.notification.NotificationAction;
import io.herald.sdk.notification.NotificationEvent;
import io.herald.sdk.notification.NotificationMessage;
import io.herald.tests.support.SdkClients;
import io.herald.testkit.Eventually;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Go notification package's README examples, written line for line with the Java SDK, as
 * pusher-js receives them ({@code src/test/js/notifications.mjs}): the JSON Go would have sent, and
 * what the pusher-js {@code render} of docs/java-sdk.md does with it (the script reads it from the page).
 */
class NotificationsPusherJsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");
    private static final String CHANNEL = "channel-name-user-id";

    @Test
    void pusherJsReceivesAndRendersTheGoReadmeExamples() throws Exception {
        assertThat(SCRIPT_DIR.resolve("node_modules").resolve("pusher-js"))
                .as("pusher-js is not installed: run `npm ci` in %s", SCRIPT_DIR.toAbsolutePath()).isDirectory();
        try (TestServer server = TestServer.start()) {
            HeraldRest client = SdkClients.forServer(server, TestServer.APP);
            CompletableFuture<NodeRun> frontEnd = CompletableFuture.supplyAsync(() -> node(server));
            Eventually.check(Duration.ofSeconds(20), () -> assertThat(client.channel(CHANNEL).occupied()).isTrue());

            // Version 1
            NotificationEvent event = NotificationEvent.toast(
                    "notification_event",
                    "Hello World!",
                    MessageType.SUCCESS);
            client.sendEventMessage("channel-name", "user-id", event);
            NotificationEvent downloadEvent = NotificationEvent.download(
                    "download_event",
                    "Your file is ready",
                    "https://download-url.com",
                    MessageType.INFO);
            client.sendEventMessage("channel-name", "user-id", downloadEvent);

            // Version 2
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
            NotificationEvent custom = NotificationEvent.of(
                    "custom_event",
                    EventKind.CUSTOM,
                    true,
                    actions);
            client.sendPusherEvent("channel-name", "user-id", custom);

            NodeRun run = frontEnd.get(40, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as("node output:%n%s", run.output()).isZero();
            List<JsonNode> events = run.jsonLines().stream().filter(line -> line.has("event")).toList();
            assertThat(events).extracting(line -> line.get("event").asText())
                    .containsExactly("notification_event", "download_event", "custom_event");

            assertThat(events.get(0).get("data")).isEqualTo(JSON.readTree("""
                    {"event_name":"notification_event","event_type":"TOAST",
                     "data":{"message":{"type":"success","content":"Hello World!","info":null},"link":""},"is_last_response":true}"""));
            assertThat(events.get(1).get("data")).isEqualTo(JSON.readTree("""
                    {"event_name":"download_event","event_type":"DOWNLOAD_LINK",
                     "data":{"message":{"type":"info","content":"Your file is ready","info":null},"link":"https://download-url.com"},
                     "is_last_response":true}"""));
            assertThat(events.get(2).get("data")).isEqualTo(JSON.readTree("""
                    {"event_name":"custom_event","event_type":"CUSTOM","is_last_response":true,"actions":[
                      {"action_type":"TOAST","data":{"type":"message","url":"","path":"",
                        "message":{"content":"Operation completed successfully","content_type":"success","meta":null,"is_meta_exist":false}},
                       "sequence":1},
                      {"action_type":"NAVIGATE","data":{"type":"path","url":"","path":"/dashboard",
                        "message":{"content":"","content_type":"","meta":null,"is_meta_exist":false}},
                       "sequence":2}]}"""));

            assertThat(events.get(0).get("rendered").toString()).isEqualTo("[\"toast Hello World! success\",\"done\"]");
            assertThat(events.get(1).get("rendered").toString())
                    .isEqualTo("[\"toast Your file is ready info\",\"open https://download-url.com\",\"done\"]");
            assertThat(events.get(2).get("rendered").toString())
                    .isEqualTo("[\"toast Operation completed successfully success\",\"navigate /dashboard\",\"done\"]");
        }
    }

    private static NodeRun node(TestServer server) {
        try {
            return NodeRun.run(SCRIPT_DIR, Duration.ofSeconds(40), "notifications.mjs", "--port", String.valueOf(server.port()),
                    "--key", TestServer.APP.key(), "--channel", CHANNEL, "--count", "3");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
