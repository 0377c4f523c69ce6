package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald notify} in-process against a real server: the JSON a subscriber of
 * {@code channel-name-user-id} receives (the Go notification package's), and trigger's result shape
 * and exit codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_MESSAGE = "{\"content\":\"\",\"content_type\":\"\",\"meta\":null,\"is_meta_exist\":false}";

    private TestServer server;
    private RecordingClient frontEnd;

    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        server = TestServer.start();
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
    void aToastIsTheVersionOneEventAndPrintsTriggersResultShape() throws Exception {
        JsonNode result = notify("toast", "-c", "channel-name", "-u", "user-id", "-e", "notification_event",
                "-m", "Hello World!", "-t", "success").assertSuccess();

        assertThat(List.of(result.fieldNames().next(), result.size())).containsExactly("success", 5);
        assertThat(result.get("event_id").asText()).isNotBlank();
        assertThat(result.get("channel").asText()).isEqualTo("channel-name-user-id");
        assertThat(result.get("event").asText()).isEqualTo("notification_event");
        assertThat(frontEnd.awaitEvent("notification_event").json()).isEqualTo(JSON.readTree("""
                {"event_name":"notification_event","event_type":"TOAST",
                 "data":{"message":{"type":"success","content":"Hello World!","info":null},"link":""},"is_last_response":true}"""));
    }

    @Test
    void aDownloadCarriesItsLinkAndMetadataAsInfo() throws Exception {
        notify("download", "-c", "channel-name", "-u", "user-id", "-e", "download_event", "-m", "Your file is ready",
                "--link", "https://download-url.com", "--meta", "{\"rows\":12}").assertSuccess();

        assertThat(frontEnd.awaitEvent("download_event").json()).isEqualTo(JSON.readTree("""
                {"event_name":"download_event","event_type":"DOWNLOAD_LINK",
                 "data":{"message":{"type":"info","content":"Your file is ready","info":[{"rows":12}]},"link":"https://download-url.com"},
                 "is_last_response":true}"""));
    }

    @Test
    void navigateAndDataAreVersionTwoEventsOfOneAction() throws Exception {
        notify("navigate", "-c", "channel-name", "-u", "user-id", "-e", "go_event", "--path", "/dashboard").assertSuccess();
        notify("data", "-c", "channel-name", "-u", "user-id", "-e", "progress_event", "--meta", "{\"progress\":40}",
                "--sequence", "3", "--more").assertSuccess();

        assertThat(frontEnd.awaitEvent("go_event").json()).isEqualTo(JSON.readTree("""
                {"event_name":"go_event","event_type":"CUSTOM","is_last_response":true,"actions":[
                  {"action_type":"NAVIGATE","data":{"type":"path","url":"","path":"/dashboard","message":%s},"sequence":1}]}"""
                .formatted(EMPTY_MESSAGE)));
        JsonNode progress = frontEnd.awaitEvent("progress_event").json();
        assertThat(progress.get("is_last_response").asBoolean()).isFalse();
        assertThat(progress.at("/actions/0")).isEqualTo(JSON.readTree("""
                {"action_type":"DATA","data":{"type":"message","url":"","path":"",
                  "message":{"content":"","content_type":"","meta":{"progress":40},"is_meta_exist":true}},"sequence":3}"""));
    }

    @Test
    void infoAndAudioAreVersionTwoEventsOfOneActionWithTheirMessage() throws Exception {
        notify("info", "-c", "channel-name", "-u", "user-id", "-e", "info_event", "-m", "Maintenance at 22:00",
                "-t", "warning", "--meta", "{\"until\":\"23:00\"}").assertSuccess();
        notify("audio", "-c", "channel-name", "-u", "user-id", "-e", "sound_event", "--link", "https://cdn.example.com/ding.mp3",
                "-m", "New order", "-t", "notification", "--sequence", "2").assertSuccess();

        assertThat(frontEnd.awaitEvent("info_event").json()).isEqualTo(JSON.readTree("""
                {"event_name":"info_event","event_type":"CUSTOM","is_last_response":true,"actions":[
                  {"action_type":"INFO","data":{"type":"message","url":"","path":"",
                    "message":{"content":"Maintenance at 22:00","content_type":"warning","meta":{"until":"23:00"},"is_meta_exist":true}},
                   "sequence":1}]}"""));
        assertThat(frontEnd.awaitEvent("sound_event").json()).isEqualTo(JSON.readTree("""
                {"event_name":"sound_event","event_type":"CUSTOM","is_last_response":true,"actions":[
                  {"action_type":"AUDIO_NOTIFICATION","data":{"type":"url","url":"https://cdn.example.com/ding.mp3","path":"",
                    "message":{"content":"New order","content_type":"notification","meta":null,"is_meta_exist":false}},
                   "sequence":2}]}"""));
    }

    @Test
    void anActionListWrittenAsGoMarshalsItIsSentAsIs() throws Exception {
        String actions = """
                [{"action_type":"TOAST","data":{"type":"message",
                   "message":{"content":"Operation completed successfully","content_type":"success"}},"sequence":1},
                 {"action_type":"NAVIGATE","data":{"type":"path","path":"/dashboard"},"sequence":2}]""";
        Path file = Files.writeString(dir.resolve("actions.json"), actions);

        notify("actions", "-c", "channel-name", "-u", "user-id", "-e", "custom_event", "--actions", "@" + file).assertSuccess();

        assertThat(frontEnd.awaitEvent("custom_event").json()).isEqualTo(JSON.readTree("""
                {"event_name":"custom_event","event_type":"CUSTOM","is_last_response":true,"actions":[
                  {"action_type":"TOAST","data":{"type":"message","url":"","path":"",
                    "message":{"content":"Operation completed successfully","content_type":"success","meta":null,"is_meta_exist":false}},
                   "sequence":1},
                  {"action_type":"NAVIGATE","data":{"type":"path","url":"","path":"/dashboard","message":%s},"sequence":2}]}"""
                .formatted(EMPTY_MESSAGE)));
    }

    @Test
    void invalidNotificationsAreValidationErrorsWithExit2() {
        String twice = "[{\"action_type\":\"TOAST\",\"data\":{\"type\":\"message\",\"message\":{\"content\":\"a\",\"content_type\":\"info\"}},\"sequence\":1},"
                + "{\"action_type\":\"NAVIGATE\",\"data\":{\"type\":\"path\",\"path\":\"/x\"},\"sequence\":1}]";
        notify("actions", "-c", "c", "-u", "u", "-e", "e", "--actions", twice).assertFailure(2, "sequence 1 is used by more than one action");
        notify("actions", "-c", "c", "-u", "u", "-e", "e", "--actions", "[]").assertFailure(2, "actions must not be empty");
        notify("actions", "-c", "c", "-u", "u", "-e", "e", "--actions", "[{\"action_type\":\"JUMP\",\"data\":{\"type\":\"path\",\"path\":\"/x\"},\"sequence\":1}]")
                .assertFailure(2, "--actions[0].action_type 'JUMP' is not one of");
        notify("navigate", "-c", "c", "-u", "u", "-e", "e").assertFailure(2, "notify navigate needs --path or --link");
        notify("audio", "-c", "c", "-u", "u", "-e", "e").assertFailure(2, "notify audio needs --link");
        notify("toast", "-c", "c", "-u", "u", "-e", "e", "-m", "x", "--sequence", "0", "-t", "info").assertSuccess();
        notify("info", "-c", "c", "-u", "u", "-e", "e", "-m", "x", "--sequence", "0").assertFailure(2, "sequence must be 1 or more");
        notify("data", "-c", "c", "-u", "u", "-e", "e").assertFailure(2, "notify data needs --meta");
        JsonNode noRecipient = notify("toast", "-c", "c", "-e", "e", "-m", "x").assertFailure(2, "recipientId must not be blank");
        assertThat(noRecipient.get("channel").isNull()).isTrue();
    }

    @Test
    void aWrongSecretIsHttp401WithExit1AsForTrigger() {
        Cli.forServer(server).env("PUSHER_SECRET", "wrong")
                .run("notify", "toast", "-c", "c", "-u", "u", "-e", "e", "-m", "x").assertFailure(1, "HTTP 401: Invalid signature");
    }

    private Cli.Result notify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "notify";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.forServer(server).run(all);
    }
}
