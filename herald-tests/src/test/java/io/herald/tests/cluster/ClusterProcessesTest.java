package io.herald.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import io.herald.client.ChannelListener;
import io.herald.client.HeraldRealtimeOptions;
import io.herald.client.HeraldRealtime;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.ServerProcess;
import io.herald.testkit.TestServer;
import io.herald.tests.support.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three Herald nodes in separate processes on one real redis-server behave as one server: official
 * pusher-java-client, herald-client and raw WebSocket clients on different nodes, cluster-wide
 * queries and webhooks, and the clean-up after a node is killed with SIGKILL.
 */
class ClusterProcessesTest {

    private static final App APP = TestServer.APP;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);

    private static RedisServerProcess redis;
    private static WebhookReceiver hooks;
    private static Path config;
    private static ServerProcess n1;
    private static ServerProcess n2;
    private static ServerProcess n3;

    @BeforeAll
    static void startCluster() throws IOException {
        redis = RedisServerProcess.start();
        hooks = WebhookReceiver.start(APP);
        config = Files.createTempFile("herald-cluster", ".yml");
        Files.writeString(config, """
                webhook-grace: 200ms
                webhook-batch-window: 20ms
                node-timeout: %ds
                apps:
                  - id: app-id
                    key: app-key
                    secret: app-secret
                    webhooks:
                      - url: %s
                        events: [channel_occupied, channel_vacated, member_added, member_removed]
                """.formatted(NODE_TIMEOUT.toSeconds(), hooks.url()));
        n1 = node();
        n2 = node();
        n3 = node();
    }

    /** A node with the redis adapter. */
    private static ServerProcess node() {
        return ServerProcess.start(List.of(), config, "--adapter", "redis", "--redis-url", redis.url(),
                "--redis-key-prefix", "itest:");
    }

    @AfterAll
    static void stopCluster() throws IOException {
        for (ServerProcess node : new ServerProcess[] {n3, n2, n1}) {
            if (node != null) {
                node.close();
            }
        }
        hooks.close();
        redis.close();
        Files.deleteIfExists(config);
    }

    @Test
    void anEventPublishedOnOneNodeReachesOfficialAndHeraldRealtimeClientsOnTheOthersExactlyOnce() throws Exception {
        BlockingQueue<String> pusherTicks = new LinkedBlockingQueue<>();
        BlockingQueue<String> heraldTicks = new LinkedBlockingQueue<>();
        Pusher pusher = new Pusher(APP.key(), new PusherOptions().setHost("127.0.0.1").setWsPort(n1.port())
                .setUseTLS(false).setMaxReconnectionAttempts(0));
        HeraldRealtime herald = new HeraldRealtime(HeraldRealtimeOptions.builder(APP.key()).host("127.0.0.1").port(n2.port())
                .tls(false).build());
        try (RecordingClient raw = RecordingClient.connect(n3.webSocketUrl(APP.key()))) {
            CompletableFuture<Void> pusherSubscribed = new CompletableFuture<>();
            pusher.connect();
            pusher.subscribe("ticker", new ChannelEventListener() {
                @Override
                public void onSubscriptionSucceeded(String channelName) {
                    pusherSubscribed.complete(null);
                }

                @Override
                public void onEvent(com.pusher.client.channel.PusherEvent event) {
                    pusherTicks.add(event.getData());
                }
            }, "tick");
            CompletableFuture<Void> heraldSubscribed = new CompletableFuture<>();
            herald.connect();
            herald.subscribe("ticker", new ChannelListener() {
                @Override
                public void onSubscribed(io.herald.client.Channel channel) {
                    heraldSubscribed.complete(null);
                }
            }).bind("tick", event -> heraldTicks.add(event.data()));
            raw.subscribe("ticker");
            raw.assertSubscribed("ticker");
            pusherSubscribed.get(10, TimeUnit.SECONDS);
            heraldSubscribed.get(10, TimeUnit.SECONDS);

            assertThat(api(n3).post("/apps/app-id/events", "{\"name\":\"tick\",\"channel\":\"ticker\",\"data\":\"t1\"}")
                    .status()).isEqualTo(200);

            assertThat(pusherTicks.poll(5, TimeUnit.SECONDS)).isEqualTo("t1");
            assertThat(heraldTicks.poll(5, TimeUnit.SECONDS)).isEqualTo("t1");
            assertThat(raw.awaitEvent("tick").data().asText()).isEqualTo("t1");
            assertThat(pusherTicks.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)).isNull();
            assertThat(heraldTicks.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)).isNull();
            raw.assertNoEvent(QUIET);
            assertThat(channelNames(n1, "tick")).containsExactly("ticker");
        } finally {
            pusher.disconnect();
            herald.close();
        }
    }

    @Test
    void aKilledNodesConnectionsAreRemovedByTheSurvivors() throws Exception {
        try (RecordingClient watcher = RecordingClient.connect(n1.webSocketUrl(APP.key()));
             RecordingClient zedOnN2 = RecordingClient.connect(n2.webSocketUrl(APP.key()))) {
            watcher.subscribePresence(APP, "presence-kill", "watcher", "{}");
            watcher.assertSubscribed("presence-kill");
            ServerProcess victim = node();
            try (RecordingClient zedOnVictim = RecordingClient.connect(victim.webSocketUrl(APP.key()));
                 RecordingClient soloOnVictim = RecordingClient.connect(victim.webSocketUrl(APP.key()))) {
                zedOnVictim.subscribePresence(APP, "presence-kill", "zed", "{\"name\":\"Zed\"}");
                assertThat(zedOnVictim.assertSubscribed("presence-kill").json().get("presence").get("count").asInt())
                        .isEqualTo(2);
                assertThat(watcher.awaitEvent("pusher_internal:member_added").json().get("user_id").asText()).isEqualTo("zed");
                zedOnN2.subscribePresence(APP, "presence-kill", "zed", "{\"name\":\"Zed\"}");
                zedOnN2.assertSubscribed("presence-kill");
                soloOnVictim.subscribe("victim-only");
                soloOnVictim.assertSubscribed("victim-only");
                watcher.assertNoEvent(QUIET); // zed was already a member
                assertThat(channelNames(n3, "victim")).containsExactly("victim-only");

                long killedAt = System.nanoTime();
                victim.kill();
                Eventually.check(NODE_TIMEOUT.plusSeconds(7), () -> assertThat(channelNames(n3, "victim")).isEmpty());
                assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(NODE_TIMEOUT.plusSeconds(5));
            }
            watcher.assertNoEvent(QUIET); // zed is still on n2
            assertThat(userIds(n3, "presence-kill")).containsExactlyInAnyOrder("watcher", "zed");

            zedOnN2.close();
            assertThat(watcher.awaitEvent("pusher_internal:member_removed").json().get("user_id").asText()).isEqualTo("zed");
            Eventually.check(Duration.ofSeconds(5), () -> {
                assertThat(hooksFor("victim-only")).hasSize(2);
                assertThat(hooksFor("presence-kill")).contains("member_removed presence-kill zed");
            });
            Thread.sleep(QUIET.toMillis());
            assertThat(hooksFor("victim-only")).containsExactly("channel_occupied victim-only", "channel_vacated victim-only");
            assertThat(hooksFor("presence-kill")).containsExactly("channel_occupied presence-kill",
                    "member_added presence-kill watcher", "member_added presence-kill zed", "member_removed presence-kill zed");
        }
    }

    private static ApiClient api(ServerProcess node) {
        return ApiClient.of(node.httpUrl(), APP);
    }

    private static List<String> channelNames(ServerProcess node, String prefix) {
        JsonNode channels = api(node).get("/apps/app-id/channels", Map.of("filter_by_prefix", prefix)).body().get("channels");
        List<String> names = new ArrayList<>();
        channels.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> userIds(ServerProcess node, String channel) {
        List<String> ids = new ArrayList<>();
        api(node).get("/apps/app-id/channels/" + channel + "/users", Map.of()).body().get("users")
                .forEach(u -> ids.add(u.get("id").asText()));
        return ids;
    }

    /** Webhook events on {@code channel} in arrival order, as "name channel [user]". */
    private static List<String> hooksFor(String channel) {
        List<String> events = new ArrayList<>();
        for (WebhookReceiver.Delivery delivery : hooks.deliveries()) {
            try {
                for (JsonNode event : JSON.readTree(delivery.body()).path("events")) {
                    if (event.path("channel").asText().equals(channel)) {
                        String user = event.hasNonNull("user_id") ? " " + event.get("user_id").asText() : "";
                        events.add(event.path("name").asText() + " " + channel + user);
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }
}
