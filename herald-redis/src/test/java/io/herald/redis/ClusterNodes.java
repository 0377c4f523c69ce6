package io.herald.redis;

import io.herald.server.config.ServerOptions;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import java.util.function.Consumer;

/** In-process Herald nodes joined by the redis adapter. */
final class ClusterNodes {

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
