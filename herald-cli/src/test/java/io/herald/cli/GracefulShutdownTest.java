package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.cli.RawHttpConnection.Response;
import io.herald.protocol.ErrorCode;
import io.herald.server.config.ServerOptions;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code herald server} process: clients are told to reconnect elsewhere (4200),
 * the port stops accepting, API requests already received are answered, and the process ends in time.
 */
class GracefulShutdownTest {

    /** What {@code herald server} promises with its default {@code shutdown-timeout}. */
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(10);

    @Test
    void sigtermTellsClientsToReconnectStopsAcceptingAndExits() throws Exception {
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0");
             RecordingClient client = RecordingClient.connect(webSocketUrl(herald.port()))) {
            assertThat(client.socketId()).isNotNull();

            herald.terminate();

            assertThat(client.assertError(ErrorCode.RECONNECT.code())).isNotBlank();
            client.assertClosed(4200);
            assertThatThrownBy(() -> openSocket(herald.port()))
                    .as("the listening socket is closed once clients are told to go")
                    .isInstanceOf(ConnectException.class);
            herald.awaitExit(EXIT_WITHIN);
            assertThat(herald.stdout()).as("stderr: %s", herald.stderr())
                    .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  HeraldServer - Herald stopped$");
        }
    }

    /**
     * H2 closes the embedded push store in a shutdown hook of its own, which may run before the server
     * stops the push workers (here polling every 10 ms): they stop without a warning.
     */
    @Test
    void sigtermWhilePushWorkersPollTheStoreLogsNoWarning(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("herald.yml"), "push:\n  poll-interval: 10ms\n");
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0",
                "--config", config.toString())) {
            assertThat(FirstPushRequest.send(herald.port())).isEqualTo(200);

            herald.terminate();

            herald.awaitExit(EXIT_WITHIN);
            assertThat(herald.stdout()).contains("Herald stopped");
            assertThat(herald.stdout() + herald.stderr()).doesNotContain(" WARN ").doesNotContain(" ERROR ");
        }
    }

    /**
     * With a drain period and window: /ready turns 503 at once while the node still serves (a new
     * client connects), then after the period the clients get 4200 spread over the window, and the
     * process exits within shutdown-timeout.
     */
    @Test
    void sigtermDrainsTurningNotReadyFirstThenSpreadsTheReconnectsOverTheWindow() throws Exception {
        Duration period = Duration.ofSeconds(2);
        Duration window = Duration.ofSeconds(3);
        List<RecordingClient> clients = new ArrayList<>();
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0",
                "--drain-period", "2s", "--drain-window", "3s", "--shutdown-timeout", "10");
             RawHttpConnection probe = new RawHttpConnection(herald.port())) {
            for (int i = 0; i < 3; i++) {
                clients.add(RecordingClient.connect(webSocketUrl(herald.port())));
            }
            probe.send("GET", "/ready", "");
            assertThat(probe.read().status()).isEqualTo(200);
            List<Long> closedAt = new CopyOnWriteArrayList<>();

            long sigterm = System.nanoTime();
            herald.terminate();
            Response ready = awaitNotReady(probe);
            assertThat(ready.body()).isEqualTo("{\"ready\":false,\"reasons\":[\"draining\"]}");
            clients.add(RecordingClient.connect(webSocketUrl(herald.port())));
            assertThat(clients.get(3).socketId()).as("a client connecting while draining is still served").isNotNull();
            for (RecordingClient client : clients) {
                client.whenClosed().thenRun(() -> closedAt.add(System.nanoTime()));
            }
            assertThat(System.nanoTime() - sigterm).as("all this happened within the drain period")
                    .isLessThan(period.toNanos());

            for (RecordingClient client : clients) {
                assertThat(client.assertError(ErrorCode.RECONNECT.code())).isNotBlank();
                assertThat(client.closeCode(period.plus(window).plusSeconds(2))).isEqualTo(4200);
            }
            Eventually.check(Duration.ofSeconds(1), () -> assertThat(closedAt).hasSize(clients.size()));
            long first = closedAt.stream().min(Long::compare).orElseThrow();
            long last = closedAt.stream().max(Long::compare).orElseThrow();
            assertThat(first - sigterm).as("no client told to go before the drain period ends")
                    .isGreaterThanOrEqualTo(period.toNanos());
            assertThat(last - sigterm).as("all told within period + window (+1 s for a busy machine)")
                    .isLessThan(period.plus(window).plusSeconds(1).toNanos());
            // 4 clients at 0, ¾, 1½ and 2¼ s into the window
            assertThat(last - first).as("reconnects spread over the window, not all at once")
                    .isGreaterThan(window.toNanos() / 2);
            herald.awaitExit(Duration.ofSeconds(10).minusNanos(System.nanoTime() - sigterm).plusSeconds(1));
        } finally {
            clients.forEach(RecordingClient::close);
        }
    }

    private static Response awaitNotReady(RawHttpConnection probe) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            probe.send("GET", "/ready", "");
            Response ready = probe.read();
            if (ready.status() == 503) {
                return ready;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("/ready still 200 one second after SIGTERM");
    }

    /**
     * The trigger goes out on a connection the server has already accepted and served, immediately
     * before SIGTERM, so it reaches the server before or while the shutdown starts; either way it
     * must be answered. Which of the two happens first can't be forced from outside the process.
     */
    @Test
    void aTriggerSentAsSigtermArrivesIsStillAnswered() {
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0");
             RawHttpConnection http = new RawHttpConnection(herald.port())) {
            http.send("GET", "/health", "");
            assertThat(http.read().status()).isEqualTo(200);

            http.write(signedTrigger(herald.port()));
            herald.terminate();

            assertTriggered(http.read());
            herald.awaitExit(EXIT_WITHIN);
        }
    }

    /**
     * The request is provably in flight at SIGTERM: its last byte is sent only once the server has
     * stopped accepting connections. Its first part travels in one write behind a {@code /health}
     * request, so the server decodes its headers in the same event-loop task that answers
     * {@code /health}, before that answer (our cue to send SIGTERM) can arrive.
     */
    @Test
    void aTriggerWhoseLastByteArrivesDuringShutdownIsStillAnswered() throws Exception {
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0");
             RawHttpConnection http = new RawHttpConnection(herald.port())) {
            byte[] health = RawHttpConnection.request("GET", "/health", "");
            byte[] trigger = signedTrigger(herald.port());
            byte[] healthThenMostOfTrigger = Arrays.copyOf(health, health.length + trigger.length - 1);
            System.arraycopy(trigger, 0, healthThenMostOfTrigger, health.length, trigger.length - 1);
            http.write(healthThenMostOfTrigger);
            assertThat(http.read().status()).isEqualTo(200);

            herald.terminate();
            awaitRefused(herald.port());
            http.write(new byte[] {trigger[trigger.length - 1]});

            assertTriggered(http.read());
            herald.awaitExit(EXIT_WITHIN);
        }
    }

    private static byte[] signedTrigger(int port) {
        String path = "/apps/" + ServerOptions.DEFAULT_APP.id() + "/events";
        String body = "{\"name\":\"last-words\",\"channel\":\"news\",\"data\":\"{}\"}";
        ApiClient api = ApiClient.of("http://127.0.0.1:" + port, ServerOptions.DEFAULT_APP);
        String query = ApiClient.encode(api.signedQuery("POST", path, Map.of(), body, System.currentTimeMillis() / 1000));
        return RawHttpConnection.request("POST", path + "?" + query, body);
    }

    private static void assertTriggered(Response response) {
        assertThat(response.status()).as("response %s", response.body()).isEqualTo(200);
        assertThat(response.body()).contains("event_id");
    }

    /** Waits until the port refuses connections: the shutdown has begun. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + EXIT_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                openSocket(port);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("port " + port + " still accepts connections " + EXIT_WITHIN.toSeconds() + " s after SIGTERM");
    }

    private static String webSocketUrl(int port) {
        return "ws://127.0.0.1:" + port + "/app/" + ServerOptions.DEFAULT_APP.key() + "?protocol=7&client=cli-test&version=1";
    }

    private static void openSocket(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        }
    }
}
