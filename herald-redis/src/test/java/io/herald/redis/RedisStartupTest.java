package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testkit.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A node refuses to start when its Redis cannot be reached, naming the setting. */
class RedisStartupTest {

    @ParameterizedTest
    @ValueSource(strings = {"redis", "redis-cluster"})
    void startingWithoutRedisFailsNamingTheRedisUrl(String scheme) {
        String nowhere = scheme + "://127.0.0.1:" + freePort();

        assertThatThrownBy(() -> TestServer.start(b -> b.adapter("redis").adapterSetting("redis-url", nowhere)).close())
                .hasMessageContaining("redis-url");
    }

    @Test
    void aMalformedClusterUrlFailsNamingTheRedisUrl() {
        assertThatThrownBy(() -> TestServer.start(b -> b.adapter("redis").adapterSetting("redis-url", "redis-cluster://a:1,,b:2")).close())
                .hasMessageContaining("redis-url").hasMessageContaining("seed nodes");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
