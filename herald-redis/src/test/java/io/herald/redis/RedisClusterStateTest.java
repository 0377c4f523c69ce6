package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.app.App;
import io.herald.server.channel.PresenceMember;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two nodes on one redis-server, and on a Redis Cluster, answer queries for the whole cluster, decide occupancy and presence
 * once (webhooks and member events), and remove the state of a node that stopped beating.
 */
@ParameterizedClass
@EnumSource(ClusterNodes.RedisKind.class)
class RedisClusterStateTest {

    /** The Redis of this run; {@link #startCluster} gets it too. */
    @Parameter
    ClusterNodes.RedisKind kind;

    private static final Duration CONVERGE = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(600);
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

    private static ClusterNodes.TwoNodes cluster;
    private static WebhookLog webhooks;
    private static App app;
    private static TestServer a;
    private static TestServer b;

    @BeforeParameterizedClassInvocation
    static void startCluster(ClusterNodes.RedisKind kind) {
        webhooks = new WebhookLog();
        app = TestServer.APP.toBuilder().webhooks(List.of(webhooks.endpoint())).build();
        cluster = ClusterNodes.TwoNodes.start(kind, o -> o.apps(List.of(app)).webhookGrace(Duration.ofMillis(200))
                .webhookBatchWindow(Duration.ofMillis(20)).adapterSetting("node-timeout", NODE_TIMEOUT.toString()));
        a = cluster.a();
        b = cluster.b();
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() {
        cluster.close();
        webhooks.close();
    }

    @Test
    void channelQueriesCountTheSubscribersOfEveryNode() {
        try (RecordingClient onA = a.connect(); RecordingClient onB = b.connect(); RecordingClient alsoOnB = b.connect()) {
            subscribe(onA, "q-shared");
            subscribe(onB, "q-shared");
            subscribe(alsoOnB, "q-only-b");

            Eventually.check(CONVERGE, () -> {
                JsonNode channels = ok(a.api().get("/apps/app-id/channels", Map.of("filter_by_prefix", "q-",
                        "info", "subscription_count"))).get("channels");
                // path(): a channel not listed yet is a failed check to retry, not a NullPointerException
                assertThat(channels.path("q-shared").path("subscription_count").asInt()).isEqualTo(2);
                assertThat(channels.path("q-only-b").path("subscription_count").asInt()).isEqualTo(1);
            });
            JsonNode one = ok(b.api().get("/apps/app-id/channels/q-shared", Map.of("info", "subscription_count")));
            assertThat(one.get("occupied").asBoolean()).isTrue();
            assertThat(one.get("subscription_count").asInt()).isEqualTo(2);
        }
        Eventually.check(CONVERGE, () -> assertThat(ok(a.api().get("/apps/app-id/channels",
                Map.of("filter_by_prefix", "q-"))).get("channels").size()).isZero());
    }

    @Test
    void occupancyWebhooksAreSentOncePerCluster() {
        try (RecordingClient onA = a.connect(); RecordingClient onB = b.connect()) {
            subscribe(onA, "hooked");
            subscribe(onB, "hooked");
            Eventually.check(CONVERGE, () -> assertThat(hooksFor("hooked")).containsExactly("channel_occupied hooked"));
        }
        Eventually.check(CONVERGE, () -> assertThat(hooksFor("hooked"))
                .containsExactly("channel_occupied hooked", "channel_vacated hooked"));
        pause(QUIET);
        assertThat(hooksFor("hooked")).hasSize(2);
    }

    @Test
    void aUserOnTwoNodesIsOneMember() {
        try (RecordingClient watcher = a.connect(); RecordingClient tabOnA = a.connect(); RecordingClient tabOnB = b.connect()) {
            watcher.subscribePresence(app, "presence-room", "watcher", "{}");
            watcher.assertSubscribed("presence-room");

            tabOnA.subscribePresence(app, "presence-room", "ann", "{\"name\":\"Ann\"}");
            tabOnA.assertSubscribed("presence-room");
            assertThat(watcher.awaitEvent("pusher_internal:member_added").json().get("user_id").asText()).isEqualTo("ann");
            tabOnB.subscribePresence(app, "presence-room", "ann", "{\"name\":\"Ann\"}");
            JsonNode presence = tabOnB.assertSubscribed("presence-room").json().get("presence");
            // Failed once in CI with a count of 1, not reproduced: the members in Redis tell which node erred.
            assertThat(presence.get("count").asInt())
                    .as(() -> "members told to B's subscriber: " + presence + "; in Redis: " + membersInRedis("presence-room"))
                    .isEqualTo(2);
            assertThat(presence.get("hash").get("watcher")).isNotNull();
            assertThat(presence.get("hash").get("ann").get("name").asText()).isEqualTo("Ann");
            watcher.assertNoEvent(QUIET);

            Eventually.check(CONVERGE, () -> {
                assertThat(userIds(b.api())).containsExactlyInAnyOrder("watcher", "ann");
                assertThat(ok(b.api().get("/apps/app-id/channels/presence-room", Map.of("info", "user_count,subscription_count")))
                        .get("user_count").asInt()).isEqualTo(2);
            });

            tabOnB.close();
            watcher.assertNoEvent(QUIET);
            tabOnA.close();
            assertThat(watcher.awaitEvent("pusher_internal:member_removed").json().get("user_id").asText()).isEqualTo("ann");
            watcher.assertNoEvent(QUIET);
        }
        // One member_added and one member_removed per user, whatever node each tab was on. Webhooks of
        // different users are not ordered among themselves (Pusher promises no order either), one user's are.
        Eventually.check(CONVERGE, () -> assertThat(hooksFor("presence-room")).containsExactlyInAnyOrder(
                "channel_occupied presence-room", "member_added presence-room watcher", "member_added presence-room ann",
                "member_removed presence-room ann", "member_removed presence-room watcher", "channel_vacated presence-room"));
        List<String> hooks = hooksFor("presence-room");
        assertThat(hooks.indexOf("channel_occupied presence-room")).isLessThan(hooks.indexOf("channel_vacated presence-room"));
        assertThat(hooks.indexOf("member_added presence-room ann")).isLessThan(hooks.indexOf("member_removed presence-room ann"));
        assertThat(hooks.indexOf("member_added presence-room watcher"))
                .isLessThan(hooks.indexOf("member_removed presence-room watcher"));
    }

    @Test
    void theStateOfANodeThatStoppedBeatingIsRemovedWithinTheNodeTimeout() throws Exception {
        try (RecordingClient watcher = a.connect();
             RedisConnections ghostRedis = RedisConnections.open(cluster.redis().url())) {
            watcher.subscribePresence(app, "presence-ghost", "watcher", "{}");
            watcher.assertSubscribed("presence-ghost");
            // A node that joins two channels, beats once and dies without a word.
            ClusterState ghost = new ClusterState(new RedisKeys("test:"), "ghost-node", ghostRedis.commands(),
                    Duration.ofMillis(200));
            ghost.heartbeat().get(5, TimeUnit.SECONDS);
            ghost.join("app-id", "ghost-only", null).get(5, TimeUnit.SECONDS);
            ghost.join("app-id", "presence-ghost",
                    new PresenceMember("gus", JsonNodeFactory.instance.objectNode().put("name", "Gus"))).get(5, TimeUnit.SECONDS);
            assertThat(userIds(a.api(), "presence-ghost")).containsExactlyInAnyOrder("watcher", "gus");

            long started = System.nanoTime();
            Eventually.check(NODE_TIMEOUT.plus(CONVERGE), () ->
                    assertThat(userIds(a.api(), "presence-ghost")).containsExactly("watcher"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(NODE_TIMEOUT.plus(Duration.ofSeconds(3)));

            assertThat(watcher.awaitEvent("pusher_internal:member_removed").json().get("user_id").asText()).isEqualTo("gus");
            Eventually.check(CONVERGE, () -> {
                // its join was the ghost's to report; the vacancy is the survivors'
                assertThat(hooksFor("ghost-only")).containsExactly("channel_vacated ghost-only");
                assertThat(hooksFor("presence-ghost")).containsOnlyOnce("member_removed presence-ghost gus");
            });
            assertThat(ok(a.api().get("/apps/app-id/channels", Map.of())).get("channels").has("ghost-only")).isFalse();
        }
    }

    private static void subscribe(RecordingClient client, String channel) {
        client.subscribe(channel);
        client.assertSubscribed(channel);
    }

    private static List<String> userIds(ApiClient api) {
        return userIds(api, "presence-room");
    }

    private static List<String> userIds(ApiClient api, String channel) {
        List<String> ids = new ArrayList<>();
        ok(api.get("/apps/app-id/channels/" + channel + "/users", Map.of())).get("users")
                .forEach(u -> ids.add(u.get("id").asText()));
        return ids;
    }

    private static String membersInRedis(String channel) {
        try (RedisConnections redis = RedisConnections.open(cluster.redis().url())) {
            return String.valueOf(redis.commands().hgetall(new RedisKeys("test:").infos("app-id", channel))
                    .get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            return "unreadable (" + e + ")";
        }
    }

    private static List<String> hooksFor(String channel) {
        return webhooks.events().stream().filter(e -> e.split(" ")[1].equals(channel)).toList();
    }

    private static JsonNode ok(ApiClient.Result result) {
        assertThat(result.status()).as("status of %s", result.body()).isEqualTo(200);
        return result.body();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
