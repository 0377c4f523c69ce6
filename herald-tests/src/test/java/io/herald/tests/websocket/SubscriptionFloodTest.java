package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.Limits;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Defect: one WebSocket subscribing to ever more distinct channels grew the heap until the node died.
 * Now a connection holds at most {@code limits.max-channels-per-connection} channels and an app at
 * most {@code limits.max-channels} per node; past either, {@code pusher:subscription_error} (403)
 * names the limit and nothing is kept. Attacks run over raw sockets against a real server while
 * {@code /health} and an honest client are watched.
 */
class SubscriptionFloodTest {

    private static final int ATTACKERS = 3;
    private static final int ATTEMPTS_PER_ATTACKER = 100_000;
    private static final int FRAMES_PER_WRITE = 1_000;
    private static final Duration ATTACK_DEADLINE = Duration.ofSeconds(120);
    /**
     * Generous for a loaded 2-core CI machine, where the test's own attacker threads compete with the
     * server (2.6 s was seen once at load 5.5); a node stuck on the flood, or dead, misses it by far.
     */
    private static final Duration HEALTH_LATENCY_BOUND = Duration.ofSeconds(5);
    /**
     * The refusals add up to ~25 MB per attacker. A reader thread on a busy machine may fall a few MB
     * behind, and the default 4 MB outbound limit would then close it with 4100 (SlowConsumerTest's
     * subject): raised here so every refusal can be counted.
     */
    private static final int OUTBOUND_BUFFER_LIMIT = 64 * 1024 * 1024;

    @Test
    void aSubscriptionFloodIsRefusedPastTheLimitWhileTheNodeServesEveryoneElse() throws Exception {
        int limit = Limits.DEFAULT_MAX_CHANNELS_PER_CONNECTION;
        ExecutorService threads = Executors.newCachedThreadPool();
        try (TestServer server = TestServer.start(b -> b.outboundBufferLimit(OUTBOUND_BUFFER_LIMIT))) {
            List<Attacker> attackers = new ArrayList<>();
            for (int a = 0; a < ATTACKERS; a++) {
                attackers.add(new Attacker(server, a));
            }
            HealthProbe health = new HealthProbe(server);
            Future<?> probing = threads.submit(health);
            List<Future<?>> attacks = new ArrayList<>();
            for (Attacker attacker : attackers) {
                attacks.add(threads.submit(attacker::write));
                attacks.add(threads.submit(attacker::read));
            }

            // Mid-attack: an honest client connects, subscribes and gets a triggered event.
            awaitSent(attackers, ATTEMPTS_PER_ATTACKER / 10);
            try (RecordingClient honest = server.connect()) {
                Wire.subscribe(honest, "news");
                Wire.trigger(server, "news", "flash", "{\"during\":\"attack\"}");
                assertThat(honest.awaitEvent("flash").json().path("during").asText()).isEqualTo("attack");
                assertThat(attackers).as("attack still running when the honest client was served")
                        .anyMatch(attacker -> attacker.answers() < ATTEMPTS_PER_ATTACKER);

                for (Future<?> attack : attacks) {
                    attack.get(ATTACK_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                }
                health.stop();
                probing.get(10, TimeUnit.SECONDS);

                for (Attacker attacker : attackers) {
                    assertThat(attacker.succeeded).as("subscriptions granted to attacker %d", attacker.index)
                            .hasValue(limit);
                    assertThat(attacker.refused).as("subscriptions refused to attacker %d", attacker.index)
                            .hasValue(ATTEMPTS_PER_ATTACKER - limit);
                    assertThat(attacker.firstRefusal.path("error").asText()).contains("max-channels-per-connection")
                            .contains(Integer.toString(limit));
                    assertThat(attacker.firstRefusal.path("type").asText()).isEqualTo("LimitReached");
                }
                // Nothing of the refused attempts is kept: the node holds the granted channels only.
                assertThat(occupiedChannels(server)).isEqualTo(ATTACKERS * limit + 1);
                assertThat(health.answered()).as("health checks answered").isPositive();
                assertThat(health.failures()).as("health checks that failed").isZero();
                assertThat(health.slowest()).as("slowest health check").isLessThan(HEALTH_LATENCY_BOUND);
                System.out.printf("subscription flood: %d attempts over %d sockets; %d health checks, slowest %d ms%n",
                        ATTACKERS * ATTEMPTS_PER_ATTACKER, ATTACKERS, health.answered(), health.slowest().toMillis());
                Wire.assertOpen(honest);
            } finally {
                attackers.forEach(Attacker::close);
            }
            Wire.awaitConnectionCount(server, 0, Duration.ofSeconds(10));
            assertThat(occupiedChannels(server)).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anAppsChannelsOnANodeAreBoundedWhileExistingOnesStayJoinable() {
        App small = App.builder("small-id", "small-key", "small-secret")
                .limits(limits(Limits.DEFAULT_MAX_CHANNELS_PER_CONNECTION, 50)).build();
        App other = App.builder("other-id", "other-key", "other-secret").build();
        try (TestServer server = TestServer.start(b -> b.addApp(small).addApp(other));
             RecordingClient filler = server.connect(small);
             RecordingClient late = server.connect(small);
             RecordingClient elsewhere = server.connect(other)) {
            for (int i = 0; i < 50; i++) {
                Wire.subscribe(filler, small, "room-" + i);
            }
            filler.subscribe("room-50");
            JsonNode refusal = filler.assertSubscriptionError("room-50", 403);
            assertThat(refusal.path("error").asText()).contains("max-channels").contains("50");

            Wire.subscribe(late, small, "room-7"); // exists: joinable
            late.subscribe("room-new");
            late.assertSubscriptionError("room-new", 403);
            assertThat(occupiedChannels(server, small)).isEqualTo(50);

            Wire.subscribe(elsewhere, other, "room-new"); // another app's budget is its own

            filler.unsubscribe("room-3"); // vacated: frees one
            Wire.roundTrip(filler);
            Wire.subscribe(late, small, "room-new");
            assertThat(occupiedChannels(server, small)).isEqualTo(50);
        }
    }

    @Test
    void theLimitPerConnectionIsTheAppsSettingAndFreedByUnsubscribing() {
        App tight = App.builder("tight-id", "tight-key", "tight-secret")
                .limits(limits(3, Limits.DEFAULT_MAX_CHANNELS)).build();
        try (TestServer server = TestServer.start(b -> b.addApp(tight));
             RecordingClient client = server.connect(tight);
             RecordingClient neighbour = server.connect(tight)) {
            for (String channel : List.of("a", "b", "private-c")) {
                Wire.subscribe(client, tight, channel);
            }
            client.subscribe("d");
            assertThat(client.assertSubscriptionError("d", 403).path("error").asText())
                    .contains("max-channels-per-connection").contains("3");
            client.subscribeSigned(tight, "private-e"); // refused before its signature is even checked
            client.assertSubscriptionError("private-e", 403);

            client.subscribe("a"); // subscribing again to a channel it holds is still confirmed
            client.assertSubscribed("a");
            Wire.subscribe(neighbour, tight, "d"); // each connection has its own budget

            client.unsubscribe("b");
            Wire.subscribe(client, tight, "d");
            Wire.trigger(server, tight, "d", "flash", "{}");
            client.awaitEvent("flash");
        }
    }

    private static Limits limits(int maxChannelsPerConnection, int maxChannels) {
        Limits d = Limits.DEFAULT;
        return new Limits(d.maxEventPayloadBytes(), d.maxChannelsPerTrigger(), d.maxEventsPerBatch(),
                d.maxPresenceMembers(), d.maxUserInfoBytes(), d.maxUserIdLength(), d.maxChannelNameLength(),
                d.maxEventNameLength(), d.clientEventsPerSecond(), maxChannelsPerConnection, maxChannels);
    }

    private static int occupiedChannels(TestServer server) {
        return occupiedChannels(server, TestServer.APP);
    }

    private static int occupiedChannels(TestServer server, App app) {
        ApiClient.Result result = server.api(app).get("/apps/" + app.id() + "/channels", Map.of());
        assertThat(result.status()).as("GET /channels: %s", result.body()).isEqualTo(200);
        return result.body().path("channels").size();
    }

    private static void awaitSent(List<Attacker> attackers, int each) throws InterruptedException {
        long deadline = System.nanoTime() + ATTACK_DEADLINE.toNanos();
        while (attackers.stream().anyMatch(a -> a.sent.get() < each)) {
            assertThat(System.nanoTime()).as("attackers sending").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** One socket that sends {@link #ATTEMPTS_PER_ATTACKER} subscriptions to distinct channels and counts the answers. */
    private static final class Attacker implements AutoCloseable {
        private final int index;
        private final RawWebSocket ws;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger succeeded = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private volatile JsonNode firstRefusal;

        Attacker(TestServer server, int index) throws IOException {
            this.index = index;
            this.ws = RawWebSocket.connect(server.port(), "/app/" + TestServer.APP.key() + "?protocol=7", 1 << 20);
            ws.readTextContaining(PusherEvents.CONNECTION_ESTABLISHED);
        }

        /** Writes the subscriptions in large batches, as fast as the socket takes them. */
        void write() {
            for (int start = 0; start < ATTEMPTS_PER_ATTACKER; start += FRAMES_PER_WRITE) {
                ByteArrayOutputStream batch = new ByteArrayOutputStream(FRAMES_PER_WRITE * 80);
                for (int n = start; n < start + FRAMES_PER_WRITE; n++) {
                    String subscribe = "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"flood-" + index + "-" + n + "\"}}";
                    batch.writeBytes(RawWebSocket.frame(true, RawWebSocket.OPCODE_TEXT,
                            subscribe.getBytes(StandardCharsets.UTF_8)));
                }
                ws.write(batch.toByteArray());
                sent.addAndGet(FRAMES_PER_WRITE);
            }
        }

        /** Reads until every attempt is answered. */
        void read() {
            try {
                while (answers() < ATTEMPTS_PER_ATTACKER) {
                    RawWebSocket.Frame frame = ws.readFrame();
                    assertThat(frame.opcode()).as("frame from the server").isEqualTo(RawWebSocket.OPCODE_TEXT);
                    JsonNode message = Wire.JSON.readTree(frame.text());
                    String event = message.path("event").asText();
                    if (PusherEvents.SUBSCRIPTION_SUCCEEDED.equals(event)) {
                        succeeded.incrementAndGet();
                    } else if (PusherEvents.SUBSCRIPTION_ERROR.equals(event)) {
                        JsonNode data = Wire.JSON.readTree(message.path("data").asText());
                        assertThat(data.path("status").asInt()).as("status in %s", frame.text()).isEqualTo(403);
                        if (firstRefusal == null) {
                            firstRefusal = data;
                        }
                        refused.incrementAndGet();
                    } else {
                        throw new AssertionError("unexpected frame: " + frame.text());
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("attacker " + index + " lost its socket after " + answers() + " answers", e);
            }
        }

        int answers() {
            return succeeded.get() + refused.get();
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    /** Asks {@code GET /health} every 20 ms until stopped, timing each answer. */
    private static final class HealthProbe implements Runnable {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri;
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicLong slowestNanos = new AtomicLong();
        private volatile boolean stopped;

        HealthProbe(TestServer server) {
            this.uri = URI.create(server.httpUrl() + "/health");
        }

        @Override
        public void run() {
            while (!stopped) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    (response.statusCode() == 200 ? answered : failures).incrementAndGet();
                } catch (IOException e) {
                    failures.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            stopped = true;
        }

        int answered() {
            return answered.get();
        }

        int failures() {
            return failures.get();
        }

        Duration slowest() {
            return Duration.ofNanos(slowestNanos.get());
        }
    }
}
