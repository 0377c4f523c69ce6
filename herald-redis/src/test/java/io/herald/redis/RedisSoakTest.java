package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Repeated connect/subscribe/disconnect cycles across two nodes leave neither heap nor Redis keys
 * behind. Reports the heap after GC at the start and the end.
 */
class RedisSoakTest {

    private static final int CYCLES = 300;
    private static final long HEAP_SLACK = 24L * 1024 * 1024;

    @Test
    void connectSubscribeDisconnectCyclesLeaveNoStateBehind() {
        try (RedisServerProcess redis = RedisServerProcess.start();
             TestServer a = ClusterNodes.node(redis, o -> o.adapterSetting("redis-key-prefix", "soak:"));
             TestServer b = ClusterNodes.node(redis, o -> o.adapterSetting("redis-key-prefix", "soak:"));
             RedisClient client = RedisClient.create(redis.url());
             StatefulRedisConnection<String, String> inspect = client.connect()) {
            cycles(a, b, 30); // warm up class loading, pools and JIT before measuring
            long start = heapAfterGc();

            cycles(a, b, CYCLES);

            // Each live node's activity figures stay (one key each, expiring with the node); nothing else.
            Eventually.check(Duration.ofSeconds(10), () ->
                    assertThat(inspect.sync().keys("{soak}:*")).as("Redis keys left")
                            .filteredOn(key -> !key.startsWith("{soak}:conns:") && !key.startsWith("{soak}:msgs:"))
                            .containsExactly("{soak}:nodes"));
            long end = heapAfterGc();
            System.out.printf("Soak of %d cycles: heap after GC %.1f MB at start, %.1f MB at end%n",
                    CYCLES, start / 1048576.0, end / 1048576.0);
            assertThat(end - start).as("heap growth in bytes").isLessThan(HEAP_SLACK);
            assertThat(a.server().connectionCount() + b.server().connectionCount()).isZero();
        }
    }

    private static void cycles(TestServer a, TestServer b, int count) {
        for (int i = 0; i < count; i++) {
            TestServer node = i % 2 == 0 ? a : b;
            try (RecordingClient client = node.connect()) {
                String plain = "soak-" + (i % 20);
                String presence = "presence-soak-" + (i % 10);
                client.subscribe(plain);
                client.assertSubscribed(plain);
                client.subscribePresence(TestServer.APP, presence, "user-" + (i % 7), "{}");
                client.assertSubscribed(presence);
            }
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
