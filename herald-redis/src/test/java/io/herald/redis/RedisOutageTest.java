package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestRedis;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redis (one server, or every master of a Redis Cluster) goes away and comes back (empty, as after a
 * crash without persistence): nodes keep serving
 * their own connections, say they are not ready, then reconnect and rebuild the cluster state.
 */
class RedisOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(15);

    @ParameterizedTest
    @EnumSource(ClusterNodes.RedisKind.class)
    void nodesServeLocallyWhileRedisIsDownAndResynchroniseWhenItReturns(ClusterNodes.RedisKind kind) {
        try (TestRedis redis = kind.start();
             TestServer a = ClusterNodes.node(redis, o -> o.adapterSetting("node-timeout", "2s"));
             TestServer b = ClusterNodes.node(redis, o -> o.adapterSetting("node-timeout", "2s"));
             RecordingClient onA = a.connect();
             RecordingClient onB = b.connect()) {
            onA.subscribe("weather");
            onA.assertSubscribed("weather");
            onB.subscribe("weather");
            onB.assertSubscribed("weather");
            onA.subscribePresence(TestServer.APP, "presence-room", "ann", "{}");
            onA.assertSubscribed("presence-room");
            onB.subscribePresence(TestServer.APP, "presence-room", "bob", "{}");
            onB.assertSubscribed("presence-room");

            redis.kill();
            Eventually.check(RECOVERY, () -> assertThat(ready(a)).isEqualTo(503));
            assertThat(a.api().sendRaw("GET", "/ready", "").body().get("reasons").toString())
                    .isEqualTo("[\"redis-unreachable\"]");
            assertThat(a.api().sendRaw("GET", "/health", "").status()).isEqualTo(200);
            // Local connections are still served: subscribe and publish on the same node.
            try (RecordingClient late = a.connect()) {
                late.subscribe("weather");
                late.assertSubscribed("weather");
                RedisEventsTest.trigger(a, "{\"name\":\"storm\",\"channel\":\"weather\",\"data\":\"local\"}");
                late.awaitEvent("storm");
                onA.awaitEvent("storm");
                // The cluster's members can't be read: a presence subscriber is answered with this node's.
                late.subscribePresence(TestServer.APP, "presence-room", "cat", "{}");
                JsonNode presence = late.assertSubscribed("presence-room").json().get("presence");
                assertThat(presence.get("ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder("ann", "cat");
            }

            redis.restart();
            Eventually.check(RECOVERY, () -> {
                assertThat(ready(a)).isEqualTo(200);
                assertThat(ready(b)).isEqualTo(200);
            });
            // The restarted Redis was empty: both nodes put their subscribers back.
            Eventually.check(RECOVERY, () -> assertThat(b.api().get("/apps/app-id/channels/weather",
                    Map.of("info", "subscription_count")).body().get("subscription_count").asInt()).isEqualTo(2));
            // And events cross nodes again.
            RedisEventsTest.trigger(a, "{\"name\":\"sun\",\"channel\":\"weather\",\"data\":\"back\"}");
            assertThat(onB.awaitEvent("sun").data().asText()).isEqualTo("back");
        }
    }

    private static int ready(TestServer node) {
        return node.api().sendRaw("GET", "/ready", "").status();
    }
}
