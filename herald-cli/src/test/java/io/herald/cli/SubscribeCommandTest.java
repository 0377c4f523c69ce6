package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A trigger made with {@code herald trigger} arrives at {@code herald subscribe} (in-process and as
 * child processes, as a user runs them) and at the official pusher-java-client.
 */
class SubscribeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void subscribeInProcessPrintsTheTriggeredEventAsOneJsonLine() throws Exception {
        try (TestServer server = TestServer.start()) {
            CompletableFuture<Cli.Result> subscribe = CompletableFuture.supplyAsync(() ->
                    Cli.forServer(server).run("subscribe", "orders", "private-audit", "--count", "2", "--timeout", "15s"));
            awaitOccupied(server, "orders");
            awaitOccupied(server, "private-audit");

            Cli.forServer(server).run("trigger", "-c", "orders", "-c", "private-audit", "-e", "created", "--data", "{\"id\":7}")
                    .assertSuccess();

            Cli.Result result = subscribe.get(20, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
            assertThat(result.out().lines().map(SubscribeCommandTest::parse).toList())
                    .extracting(line -> line.path("channel").asText() + " " + line.path("event").asText() + " " + line.path("data"))
                    .containsExactlyInAnyOrder("orders created {\"id\":7}", "private-audit created {\"id\":7}");
            assertThat(result.err()).contains("subscribed to orders", "subscribed to private-audit");
        }
    }

    @Test
    void subscribeAndTriggerAsChildProcessesConfiguredByTheEnvironment() {
        try (TestServer server = TestServer.start()) {
            Map<String, String> env = env(server);
            try (HeraldProcess subscribe = HeraldProcess.start(env, "subscribe", "news", "--event", "published", "--count", "1",
                    "--timeout", "20s")) {
                subscribe.awaitStderr("listening");

                HeraldProcess.Result ignored = HeraldProcess.run(env, "trigger", "-c", "news", "-e", "ignored", "-m", "no");
                HeraldProcess.Result trigger = HeraldProcess.run(env, "trigger", "-c", "news", "-e", "published", "-m", "hello");

                assertThat(ignored.exitCode()).isZero();
                assertThat(trigger.exitCode()).as("stderr: %s", trigger.stderr()).isZero();
                assertThat(parse(trigger.stdout()).path("success").asBoolean()).isTrue();
                assertThat(subscribe.awaitExit(HeraldProcess.TIMEOUT)).as("stderr: %s", subscribe.stderr()).isZero();
                assertThat(subscribe.stdout().strip())
                        .isEqualTo("{\"channel\":\"news\",\"event\":\"published\",\"data\":{\"message\":\"hello\"}}");
            }
        }
    }

    @Test
    void theOfficialPusherJavaClientReceivesATrigger() throws Exception {
        try (TestServer server = TestServer.start()) {
            Pusher pusher = new Pusher(TestServer.APP.key(),
                    new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false));
            try {
                CompletableFuture<String> subscribed = new CompletableFuture<>();
                CompletableFuture<PusherEvent> received = new CompletableFuture<>();
                pusher.subscribe("orders", new ChannelEventListener() {
                    @Override
                    public void onSubscriptionSucceeded(String channelName) {
                        subscribed.complete(channelName);
                    }

                    @Override
                    public void onEvent(PusherEvent event) {
                        received.complete(event);
                    }
                }, "created");
                pusher.connect();
                subscribed.get(10, TimeUnit.SECONDS);

                Cli.forServer(server).run("trigger", "-c", "orders", "-e", "created", "-m", "to pusher").assertSuccess();

                PusherEvent event = received.get(10, TimeUnit.SECONDS);
                assertThat(event.getChannelName()).isEqualTo("orders");
                assertThat(parse(event.getData()).path("message").asText()).isEqualTo("to pusher");
            } finally {
                pusher.disconnect();
            }
        }
    }

    @Test
    void anEncryptedChannelIsEncryptedByTriggerAndDecryptedBySubscribe() throws Exception {
        String masterKey = java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        try (TestServer server = TestServer.start()) {
            Cli cli = Cli.forServer(server).env("PUSHER_ENCRYPTION_MASTER_KEY", masterKey);
            CompletableFuture<Cli.Result> subscribe = CompletableFuture.supplyAsync(() ->
                    cli.run("subscribe", "private-encrypted-vault", "--count", "1", "--timeout", "15s"));
            awaitOccupied(server, "private-encrypted-vault");

            cli.run("trigger", "-c", "private-encrypted-vault", "-e", "pin", "--data", "{\"pin\":1234}").assertSuccess();

            Cli.Result result = subscribe.get(20, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
            assertThat(parse(result.out()).path("data").path("pin").asInt()).isEqualTo(1234);
        }
    }

    @Test
    void joinsAPresenceChannelAsTheGivenUser() throws Exception {
        try (TestServer server = TestServer.start()) {
            CompletableFuture<Cli.Result> subscribe = CompletableFuture.supplyAsync(() -> Cli.forServer(server)
                    .run("subscribe", "presence-lobby", "--user-id", "42", "--user-info", "{\"name\":\"Ada\"}", "--timeout", "3s"));
            awaitOccupied(server, "presence-lobby");

            JsonNode users = Cli.forServer(server).run("users", "presence-lobby").assertSuccess();

            assertThat(users.path("users").toString()).isEqualTo("[\"42\"]");
            Cli.Result result = subscribe.get(10, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as("a --timeout without --count ends well; stderr: %s", result.err()).isZero();
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void stopsWhenTerminated() {
        try (TestServer server = TestServer.start();
                HeraldProcess subscribe = HeraldProcess.start(env(server), "subscribe", "orders")) {
            subscribe.awaitStderr("listening");

            subscribe.terminate();

            assertThat(subscribe.awaitExit(HeraldProcess.TIMEOUT)).isEqualTo(143); // 128 + SIGTERM, as for any JVM
        }
    }

    @Test
    void timeoutBeforeCountIsAFailureWithExit1() {
        try (TestServer server = TestServer.start()) {
            Cli.forServer(server).run("subscribe", "quiet", "--count", "1", "--timeout", "500ms")
                    .assertFailure(1, "timed out after 500 ms with 0 of 1 events");
        }
    }

    @Test
    void aServerThatIsDownIsAFailureWithExit1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestServer server = TestServer.start()) {
            Cli.forServer(server).env("PUSHER_PORT", String.valueOf(closedPort)).run("subscribe", "orders", "--timeout", "10s")
                    .assertFailure(1, "cannot connect to ws://127.0.0.1:" + closedPort);
        }
    }

    @Test
    void aWrongSecretIsASubscriptionFailureWithExit1() {
        try (TestServer server = TestServer.start()) {
            Cli.forServer(server).env("PUSHER_SECRET", "wrong").run("subscribe", "private-orders", "--timeout", "10s")
                    .assertFailure(1, "subscription to private-orders failed");
        }
    }

    static Map<String, String> env(TestServer server) {
        return Map.of("PUSHER_APP_ID", TestServer.APP.id(), "PUSHER_KEY", TestServer.APP.key(),
                "PUSHER_SECRET", TestServer.APP.secret(), "PUSHER_PORT", String.valueOf(server.port()));
    }

    /** Waits until the server reports {@code channel} occupied, via {@code herald channel}. */
    private static void awaitOccupied(TestServer server, String channel) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Cli.forServer(server).run("channel", channel).json().path("occupied").asBoolean()) {
            assertThat(System.nanoTime()).as("%s occupied within 10 s", channel).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
