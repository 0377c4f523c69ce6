package io.herald.redis;

import io.herald.testkit.TestServer;
import java.time.Duration;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test class once on a single redis-server and once on a Redis Cluster, with two Herald
 * nodes ({@link #a}, {@link #b}) on it for all of that run's tests.
 */
@ParameterizedClass
@EnumSource(ClusterNodes.RedisKind.class)
abstract class TwoNodesOnEachRedis {

    /** How long a client waits to be sure an event does not arrive. */
    static final Duration QUIET = Duration.ofMillis(400);

    static ClusterNodes.TwoNodes cluster;
    static TestServer a;
    static TestServer b;

    /** The Redis of this run. */
    @Parameter
    ClusterNodes.RedisKind kind;

    @BeforeParameterizedClassInvocation
    static void startCluster(ClusterNodes.RedisKind kind) {
        cluster = ClusterNodes.TwoNodes.start(kind, o -> { });
        a = cluster.a();
        b = cluster.b();
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() {
        cluster.close();
    }
}
