package io.herald.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.app.App;
import io.herald.tests.support.WebhookReceiver;
import io.herald.testkit.ApiClient;
import io.herald.testkit.ConsoleClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The debug console's feed over real sockets: what it shows, to whom, and what it costs. */
class ConsoleFeedTest {

    private static final String TOKEN = "console-token-for-tests-42";
    private static final App WATCHED = App.builder("watched", "watched-key", "watched-secret").clientEvents(true).build();
    private static final App OTHER = App.builder("other", "other-key", "other-secret").build();

    private static WebhookReceiver webhooks;
    private static TestServer server;

    @BeforeAll
    static void start() {
        webhooks = WebhookReceiver.start(WATCHED);
        App watched = App.builder(WATCHED.id(), WATCHED.key(), WATCHED.secret()).clientEvents(true)
                .addWebhook(webhooks.endpointForAll()).build();
        server = TestServer.start(b -> b.adminToken(TOKEN).apps(List.of(watched, OTHER))
                .webhookGrace(Duration.ofMillis(100)).webhookBatchWindow(Duration.ofMillis(10)));
    }

    @AfterAll
    static void stop() {
        server.close();
        webhooks.close();
    }

    private static Predicate<JsonNode> type(String type) {
        return e -> e.path("type").asText().equals(type);
    }

    private static Predicate<JsonNode> type(String type, String channel) {
        return type(type).and(e -> e.path("channel").asText().equals(channel));
    }

    @Test
    void everyKindOfActivityAppearsWithItsDetails() {
        try (ConsoleClient console = ConsoleClient.watch(server.httpUrl(), TOKEN, WATCHED.id());
             RecordingClient client = RecordingClient.connectFrom(server.webSocketUrl(WATCHED.key()), "https://shop.example")) {
            JsonNode opened = console.await(type("connection_opened").and(e -> e.path("socket_id").asText().equals(client.socketId())));
            assertThat(opened.path("origin").asText()).isEqualTo("https://shop.example");
            assertThat(opened.path("ip").asText()).isEqualTo("127.0.0.1");

            client.subscribePresence(WATCHED, "presence-room", "alice", "{\"name\":\"Alice\"}");
            client.assertSubscribed("presence-room");
            assertThat(console.await(type("subscribed", "presence-room")).path("socket_id").asText()).isEqualTo(client.socketId());
            console.await(type("channel_occupied", "presence-room"));
            assertThat(console.await(type("member_added", "presence-room")).path("user_id").asText()).isEqualTo("alice");

            server.api(WATCHED).post("/apps/" + WATCHED.id() + "/events",
                    "{\"name\":\"order-paid\",\"channel\":\"presence-room\",\"data\":\"{\\\"order\\\":7}\"}");
            JsonNode api = console.await(type("api_event", "presence-room"));
            assertThat(api.path("event").asText()).isEqualTo("order-paid");
            assertThat(api.path("data").asText()).isEqualTo("{\"order\":7}");

            client.send("client-typing", "presence-room", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode().put("chars", 3));
            JsonNode clientEvent = console.await(type("client_event", "presence-room"));
            assertThat(clientEvent.path("event").asText()).isEqualTo("client-typing");
            assertThat(clientEvent.path("data").asText()).isEqualTo("{\"chars\":3}");
            assertThat(clientEvent.path("user_id").asText()).isEqualTo("alice");

            console.await(type("webhook_sent"), Duration.ofSeconds(10));

            client.unsubscribe("presence-room");
            console.await(type("unsubscribed", "presence-room"));
            console.await(type("member_removed", "presence-room"));
            console.await(type("channel_vacated", "presence-room"));
            client.close();
            console.await(type("connection_closed").and(e -> e.path("socket_id").asText().equals(client.socketId())));
        }
    }

    @Test
    void aFailingWebhookShowsItsError() {
        try (ConsoleClient console = ConsoleClient.watch(server.httpUrl(), TOKEN, WATCHED.id());
             RecordingClient client = server.connect(WATCHED)) {
            webhooks.refuseNext(1);
            client.subscribe("hooked");
            JsonNode failed = console.await(type("webhook_failed"), Duration.ofSeconds(10));
            assertThat(failed.path("url").asText()).isEqualTo(webhooks.url());
            assertThat(failed.path("error").asText()).contains("503");
        }
    }

    @Test
    void anotherAppsActivityNeverAppears() {
        try (ConsoleClient console = ConsoleClient.watch(server.httpUrl(), TOKEN, WATCHED.id());
             RecordingClient other = server.connect(OTHER)) {
            other.subscribe("other-channel");
            server.api(OTHER).post("/apps/" + OTHER.id() + "/events",
                    "{\"name\":\"secret-event\",\"channel\":\"other-channel\",\"data\":\"x\"}");
            // then something of the watched app: once it is here, the other app's would have been too
            server.api(WATCHED).post("/apps/" + WATCHED.id() + "/events",
                    "{\"name\":\"marker\",\"channel\":\"mine\",\"data\":\"x\"}");
            console.await(type("api_event", "mine"));
            assertThat(console.entries()).noneMatch(e -> e.toString().contains("other-channel") || e.toString().contains("secret-event"));
        }
    }

    @Test
    void nobodyWatchingMeansTheTapsAreOff() {
        Eventually.check(Duration.ofSeconds(10), () -> assertThat(server.server().console().active()).isFalse());
        try (ConsoleClient console = ConsoleClient.watch(server.httpUrl(), TOKEN, WATCHED.id())) {
            assertThat(server.server().console().active()).isTrue();
        }
        // the console's app is forgotten at the next housekeeping, and the taps go quiet again
        Eventually.check(Duration.ofSeconds(10), () -> assertThat(server.server().console().active()).isFalse());
    }

    @Test
    void aWrongTokenNoTokenOrUnknownAppIsRefused() {
        try (ConsoleClient wrong = ConsoleClient.connect(server.httpUrl(), "{\"token\":\"" + TOKEN + "x\",\"app\":\"watched\"}");
             ConsoleClient none = ConsoleClient.connect(server.httpUrl(), "{\"app\":\"watched\"}");
             ConsoleClient noApp = ConsoleClient.connect(server.httpUrl(), "{\"token\":\"" + TOKEN + "\",\"app\":\"nope\"}")) {
            assertThat(wrong.closeCode(RecordingClient.TIMEOUT)).isEqualTo(4401);
            assertThat(none.closeCode(RecordingClient.TIMEOUT)).isEqualTo(4400);
            assertThat(noApp.closeCode(RecordingClient.TIMEOUT)).isEqualTo(4404);
        }
        try (TestServer withoutToken = TestServer.start()) {
            ApiClient.Result page = ApiClient.of(withoutToken.httpUrl(), TestServer.APP).sendRaw("GET", "/console", "");
            assertThat(page.status()).isEqualTo(404);
        }
    }
}
