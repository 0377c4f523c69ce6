package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.PusherEvents;
import io.herald.server.message.OutboundEvent;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisClusterProcesses;
import io.herald.testkit.TestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Redis Cluster asks of the adapter, checked on the masters themselves: every key a Herald
 * cluster writes carries its hash tag, so all of them share one slot on one master (the Lua scripts
 * need that), and an event published on any master reaches the nodes, whichever master their
 * subscriptions use.
 */
class RedisClusterLayoutTest {

    private static final Duration CONVERGE = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(400);

    private static ClusterNodes.TwoNodes cluster;
    private static List<Integer> masters;

    @BeforeAll
    static void startCluster() {
        cluster = ClusterNodes.TwoNodes.start(ClusterNodes.RedisKind.CLUSTER, o -> { });
        masters = ((RedisClusterProcesses) cluster.redis()).ports();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void everyKeyOfAHeraldClusterIsInTheSlotOfItsHashTag() {
        try (RecordingClient member = cluster.a().connect(); RecordingClient user = cluster.b().connect()) {
            member.subscribePresence(TestServer.APP, "presence-layout", "ann", "{}");
            member.assertSubscribed("presence-layout");
            user.signIn(TestServer.APP, "{\"id\":\"bob\"}");
            user.awaitEvent(PusherEvents.SIGNIN_SUCCESS);
            RedisEventsTest.trigger(cluster.a(), "{\"name\":\"price\",\"channel\":\"cache-layout\",\"data\":\"1\"}");

            Eventually.check(CONVERGE, () -> {
                Map<Integer, List<String>> keysByMaster = new HashMap<>();
                masters.forEach(port -> keysByMaster.put(port, onMaster(port, redis -> redis.sync().keys("*"))));
                keysByMaster.values().removeIf(List::isEmpty);
                assertThat(keysByMaster).as("masters holding Herald keys").hasSize(1);
                List<String> keys = keysByMaster.values().iterator().next();
                assertThat(keys).allMatch(key -> key.startsWith("{test}:"));
                assertThat(kinds(keys)).contains("subs", "chans", "users", "info", "nusers", "node", "nodes",
                        "conns", "cache");
                onMaster(masters.get(0), redis -> {
                    Long slot = redis.sync().clusterKeyslot("{test}");
                    keys.forEach(key -> assertThat(redis.sync().clusterKeyslot(key)).as(key).isEqualTo(slot));
                    return slot;
                });
            });
        }
    }

    @Test
    void anEventPublishedOnAnyMasterReachesTheNodesOnce() {
        try (RecordingClient onA = cluster.a().connect(); RecordingClient onB = cluster.b().connect()) {
            for (RecordingClient client : List.of(onA, onB)) {
                client.subscribe("anywhere");
                client.assertSubscribed("anywhere");
            }
            for (int port : masters) {
                String envelope = new Envelope("a-node-elsewhere", TestServer.APP.id(),
                        OutboundEvent.server("anywhere", "via-" + port, "hello", null)).encode();
                onMaster(port, redis -> redis.sync().publish("test:events", envelope));

                for (RecordingClient client : List.of(onA, onB)) {
                    assertThat(client.awaitEvent("via-" + port).data().asText()).isEqualTo("hello");
                    client.assertNoEvent(QUIET);
                }
            }
        }
    }

    /** {@code {test}:subs:app:channel} → {@code subs}. */
    private static Set<String> kinds(List<String> keys) {
        Set<String> kinds = new HashSet<>();
        keys.forEach(key -> kinds.add(key.split(":")[1]));
        return kinds;
    }

    private static <T> T onMaster(int port, Function<StatefulRedisConnection<String, String>, T> action) {
        try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            return action.apply(redis);
        }
    }
}
