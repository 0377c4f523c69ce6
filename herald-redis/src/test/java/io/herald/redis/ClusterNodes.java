package io.herald.redis;

import io.herald.server.config.ServerOptions;
import io.herald.testkit.RedisClusterProcesses;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestRedis;
import io.herald.testkit.TestServer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** In-process Herald nodes joined by the redis adapter. */
final class ClusterNodes {

    /** The Redis the nodes share: one redis-server, or a Redis Cluster of three masters. */
    enum RedisKind {
        SINGLE(RedisServerProcess::start),
        CLUSTER(RedisClusterProcesses::start);

        private final Supplier<TestRedis> starter;

        RedisKind(Supplier<TestRedis> starter) {
            this.starter = starter;
        }

        TestRedis start() {
            return starter.get();
        }
    }

    /** A Redis and two nodes on it, closed together (nodes first). */
    record TwoNodes(TestRedis redis, TestServer a, TestServer b) implements AutoCloseable {

        /** On one redis-server; both nodes get the same {@code customizer} on top of the redis adapter settings. */
        static TwoNodes start(Consumer<ServerOptions.Builder> customizer) {
            return start(RedisKind.SINGLE, customizer);
        }

        static TwoNodes start(RedisKind kind, Consumer<ServerOptions.Builder> customizer) {
            TestRedis redis = kind.start();
            try {
                return new TwoNodes(redis, node(redis, customizer), node(redis, customizer));
            } catch (RuntimeException e) {
                redis.close();
                throw e;
            }
        }

        @Override
        public void close() {
            b.close();
            a.close();
            redis.close();
        }
    }

    private ClusterNodes() {
    }

    static TestServer node(TestRedis redis) {
        return node(redis, b -> { });
    }

    static TestServer node(TestRedis redis, Consumer<ServerOptions.Builder> customizer) {
        return node(redis.url(), customizer);
    }

    /** A node on the Redis {@code redisUrl} names (for kinds of Redis that are not a {@link TestRedis}). */
    static TestServer node(String redisUrl, Consumer<ServerOptions.Builder> customizer) {
        return TestServer.start(b -> {
            b.adapter("redis").adapterSetting("redis-url", redisUrl).adapterSetting("redis-key-prefix", "test:");
            customizer.accept(b);
        });
    }
}
