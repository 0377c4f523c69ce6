package io.herald.redis;

import io.herald.server.config.ServerOptions;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import java.util.function.Consumer;

/** In-process Herald nodes joined by the redis adapter. */
final class ClusterNodes {

    /** A redis-server and two nodes on it, closed together (nodes first). */
    record TwoNodes(RedisServerProcess redis, TestServer a, TestServer b) implements AutoCloseable {

        static TwoNodes start() {
            return start(o -> { });
        }

        /** Both nodes get the same {@code customizer} on top of the redis adapter settings. */
        static TwoNodes start(Consumer<ServerOptions.Builder> customizer) {
            RedisServerProcess redis = RedisServerProcess.start();
            return new TwoNodes(redis, node(redis, customizer), node(redis, customizer));
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

    static TestServer node(RedisServerProcess redis) {
        return node(redis, b -> { });
    }

    static TestServer node(RedisServerProcess redis, Consumer<ServerOptions.Builder> customizer) {
        return TestServer.start(b -> {
            b.adapter("redis").redisUrl(redis.url()).redisKeyPrefix("test:");
            customizer.accept(b);
        });
    }
}
