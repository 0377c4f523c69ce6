package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook grace is cluster-wide: a channel vacated on one node and re-occupied on another within
 * the grace (a page reload behind a load balancer) sends neither {@code channel_vacated} nor a second
 * {@code channel_occupied}, and the same holds for a presence member; a real departure is sent once,
 * after the grace.
 */
class RedisWebhookGraceTest {

    private static final Duration GRACE = Duration.ofMillis(500);
    private static final Duration CONVERGE = Duration.ofSeconds(5);

    private static final AtomicInteger sentinels = new AtomicInteger();
    private static ClusterNodes.TwoNodes cluster;
    private static WebhookLog webhooks;
    private static App app;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void startCluster() {
        webhooks = new WebhookLog();
        app = TestServer.APP.toBuilder().webhooks(List.of(webhooks.endpoint())).build();
        cluster = ClusterNodes.TwoNodes.start(o -> o.apps(List.of(app)).webhookGrace(GRACE)
                .webhookBatchWindow(Duration.ofMillis(20)));
        a = cluster.a();
        b = cluster.b();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        webhooks.close();
    }

    @Test
    void aChannelVacatedOnOneNodeAndReoccupiedOnAnotherWithinTheGraceSendsNoWebhooks() {
        try (RecordingClient onB = b.connect()) {
            try (RecordingClient onA = a.connect()) {
                subscribe(onA, "reload");
                awaitHooks("reload", "channel_occupied reload");
            }
            awaitVacantInRedis("reload"); // node A decided the vacancy: its grace is running
            subscribe(onB, "reload");
            awaitGraceOverOnBothNodes();
            assertThat(hooksFor("reload")).containsExactly("channel_occupied reload");
        }
    }

    @Test
    void aRealVacancySendsOneVacatedAfterTheGrace() {
        long left;
        try (RecordingClient onA = a.connect(); RecordingClient onB = b.connect()) {
            subscribe(onA, "closing");
            subscribe(onB, "closing");
            awaitHooks("closing", "channel_occupied closing");
            onB.close();
            awaitSubscribers("closing", 1);
            left = System.nanoTime();
        }
        awaitHooks("closing", "channel_occupied closing", "channel_vacated closing");
        assertThat(Duration.ofNanos(System.nanoTime() - left)).isGreaterThanOrEqualTo(GRACE);
        awaitGraceOverOnBothNodes();
        assertThat(hooksFor("closing")).containsExactly("channel_occupied closing", "channel_vacated closing");
    }

    @Test
    void aMemberLeavingOnOneNodeAndRejoiningOnAnotherWithinTheGraceSendsNoWebhooks() {
        try (RecordingClient keeper = b.connect(); RecordingClient tabOnB = b.connect()) {
            keeper.subscribePresence(app, "presence-reload", "keeper", "{}");
            keeper.assertSubscribed("presence-reload");
            try (RecordingClient tabOnA = a.connect()) {
                tabOnA.subscribePresence(app, "presence-reload", "ann", "{}");
                tabOnA.assertSubscribed("presence-reload");
                awaitHooks("presence-reload", "channel_occupied presence-reload",
                        "member_added presence-reload keeper", "member_added presence-reload ann");
            }
            Eventually.check(CONVERGE, () -> assertThat(userIds("presence-reload")).containsExactly("keeper"));
            tabOnB.subscribePresence(app, "presence-reload", "ann", "{}");
            tabOnB.assertSubscribed("presence-reload");
            awaitGraceOverOnBothNodes();
            assertThat(hooksFor("presence-reload")).containsExactly("channel_occupied presence-reload",
                    "member_added presence-reload keeper", "member_added presence-reload ann");
        }
    }

    @Test
    void aMemberAndChannelComingBackOnAnotherNodeWithinTheGraceSendNoWebhooksAndARealLeaveSendsEachOnce() {
        try (RecordingClient onA = a.connect()) {
            onA.subscribePresence(app, "presence-move", "bob", "{}");
            onA.assertSubscribed("presence-move");
            awaitHooks("presence-move", "channel_occupied presence-move", "member_added presence-move bob");
        }
        awaitVacantInRedis("presence-move");
        try (RecordingClient onB = b.connect()) {
            onB.subscribePresence(app, "presence-move", "bob", "{}");
            onB.assertSubscribed("presence-move");
            awaitGraceOverOnBothNodes();
            assertThat(hooksFor("presence-move"))
                    .containsExactly("channel_occupied presence-move", "member_added presence-move bob");
        }
        awaitHooks("presence-move", "channel_occupied presence-move", "member_added presence-move bob",
                "member_removed presence-move bob", "channel_vacated presence-move");
        awaitGraceOverOnBothNodes();
        assertThat(hooksFor("presence-move")).hasSize(4);
    }

    @Test
    void aNodeShuttingDownSendsTheDeparturesStillInTheirGrace() {
        Duration longGrace = Duration.ofSeconds(30);
        long closed;
        try (TestServer c = ClusterNodes.node(cluster.redis(), o -> o.apps(List.of(app)).webhookGrace(longGrace)
                .webhookBatchWindow(Duration.ofMillis(20)))) {
            try (RecordingClient onC = c.connect()) {
                onC.subscribePresence(app, "presence-shutdown", "cat", "{}");
                onC.assertSubscribed("presence-shutdown");
            }
            awaitVacantInRedis("presence-shutdown");
            closed = System.nanoTime();
        }
        awaitHooks("presence-shutdown", "channel_occupied presence-shutdown", "member_added presence-shutdown cat",
                "member_removed presence-shutdown cat", "channel_vacated presence-shutdown");
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(longGrace);
    }

    /**
     * Waits until a departure decided on each node now has been sent: any departure held before it
     * (with the same grace) has been settled by then, so what is missing afterwards never comes.
     */
    private static void awaitGraceOverOnBothNodes() {
        for (TestServer node : List.of(a, b)) {
            String sentinel = "sentinel-" + sentinels.incrementAndGet();
            try (RecordingClient client = node.connect()) {
                subscribe(client, sentinel);
            }
            awaitHooks(sentinel, "channel_occupied " + sentinel, "channel_vacated " + sentinel);
        }
    }

    private static void subscribe(RecordingClient client, String channel) {
        client.subscribe(channel);
        client.assertSubscribed(channel);
    }

    private static void awaitHooks(String channel, String... expected) {
        Eventually.check(CONVERGE, () -> assertThat(hooksFor(channel)).containsExactly(expected));
    }

    private static void awaitVacantInRedis(String channel) {
        Eventually.check(CONVERGE, () -> assertThat(channelInfo(channel).get("occupied").asBoolean()).isFalse());
    }

    private static void awaitSubscribers(String channel, int count) {
        Eventually.check(CONVERGE, () ->
                assertThat(channelInfo(channel).path("subscription_count").asInt()).isEqualTo(count));
    }

    private static JsonNode channelInfo(String channel) {
        return ok(b.api().get("/apps/app-id/channels/" + channel, Map.of("info", "subscription_count")));
    }

    private static List<String> userIds(String channel) {
        return ok(b.api().get("/apps/app-id/channels/" + channel + "/users", Map.of())).findValuesAsText("id");
    }

    private static List<String> hooksFor(String channel) {
        return webhooks.events().stream().filter(e -> e.split(" ")[1].equals(channel)).toList();
    }

    private static JsonNode ok(ApiClient.Result result) {
        assertThat(result.status()).as("status of %s", result.body()).isEqualTo(200);
        return result.body();
    }
}
