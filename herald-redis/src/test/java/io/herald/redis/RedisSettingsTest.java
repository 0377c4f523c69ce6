package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigLoader;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The redis adapter's settings, declared by {@link RedisAdapterFactory}, keep the names users have:
 * {@code redis-url} in the file, {@code HERALD_REDIS_URL}, {@code --redis-url}.
 */
class RedisSettingsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFlatNamesFromTheFile() throws IOException {
        RedisOptions redis = redis(load("adapter: redis\nredis-url: redis://10.0.0.1:6380/2\n"
                + "redis-key-prefix: \"eu:\"\nnode-timeout: 5s\n", Map.of(), Map.of()));

        assertThat(redis).isEqualTo(new RedisOptions("redis://10.0.0.1:6380/2", "eu:", Duration.ofSeconds(5)));
    }

    @Test
    void readsTheEnvironmentVariables() throws IOException {
        RedisOptions redis = redis(load("", Map.of("HERALD_ADAPTER", "redis", "HERALD_REDIS_URL", "redis://r:6379",
                "HERALD_REDIS_KEY_PREFIX", "env:", "HERALD_NODE_TIMEOUT", "7s"), Map.of()));

        assertThat(redis).isEqualTo(new RedisOptions("redis://r:6379", "env:", Duration.ofSeconds(7)));
    }

    @Test
    void flagsBeatVariablesAndTheFile() throws IOException {
        RedisOptions redis = redis(load("adapter: redis\nredis-url: redis://file:6379\nnode-timeout: 5s\n",
                Map.of("HERALD_REDIS_URL", "redis://env:6379"),
                Map.of("redis-url", "redis://flag:6379", "redis-key-prefix", "flag:")));

        assertThat(redis).isEqualTo(new RedisOptions("redis://flag:6379", "flag:", Duration.ofSeconds(5)));
    }

    @Test
    void theKeyPrefixAndNodeTimeoutHaveTheirDocumentedDefaults() throws IOException {
        RedisOptions redis = redis(load("adapter: redis\nredis-url: redis://127.0.0.1:6379\n", Map.of(), Map.of()));

        assertThat(redis.keyPrefix()).isEqualTo("herald:");
        assertThat(redis.nodeTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cluster://:secret@10.0.0.1:7000,10.0.0.2:7000", "rediss-cluster://cache.internal:6380"})
    void acceptsRedisClusterSeedUrls(String url) throws IOException {
        assertThat(redis(load("adapter: redis\nredis-url: \"" + url + "\"\n", Map.of(), Map.of())).url()).isEqualTo(url);
    }

    /** The flags and {@code --help} lines of {@code herald server} come from {@link Setting#all()}. */
    @Test
    void theSettingsHaveFlagsVariablesAndHelp() {
        assertThat(Setting.all()).filteredOn(s -> s.name().equals("redis-url")).singleElement()
                .satisfies(s -> assertThat(s.envName()).isEqualTo("HERALD_REDIS_URL"))
                .satisfies(s -> assertThat(s.flagName()).isEqualTo("--redis-url"))
                .satisfies(s -> assertThat(s.description()).contains("redis-cluster://"));
        assertThat(Setting.all()).extracting(Setting::envName)
                .contains("HERALD_REDIS_KEY_PREFIX", "HERALD_NODE_TIMEOUT").doesNotHaveDuplicates();
    }

    @Test
    void anUnknownAdapterNamesTheOnesThereAre() {
        failsNaming("adapter", "adapter: memcached\n").hasMessageContaining("local or redis");
    }

    @Test
    void theRedisAdapterNeedsARedisUrl() {
        failsNaming("redis-url", "adapter: redis\n").hasMessageContaining("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adapter: redis\n", "adapter: local\n", ""})
    void aRedisUrlMustUseARedisSchemeWhicheverAdapterRuns(String adapter) {
        failsNaming("redis-url", adapter + "redis-url: \"http://localhost:6379\"\n")
                .hasMessageContaining("redis://").hasMessageContaining("redis-cluster://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:6379", "redis+cluster://localhost:7000"})
    void aRedisUrlWithoutARedisSchemeIsRefused(String url) {
        failsNaming("redis-url", "adapter: redis\nredis-url: \"" + url + "\"\n").hasMessageContaining("\"" + url + "\"");
    }

    @Test
    void aNodeTimeoutMustBeADuration() {
        failsNaming("node-timeout", "adapter: redis\nredis-url: redis://r:1\nnode-timeout: soon\n")
                .hasMessageContaining("\"soon\"");
    }

    private ServerOptions load(String yaml, Map<String, String> env, Map<String, String> flags) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("herald.yml"), yaml), env, flags);
    }

    private static RedisOptions redis(ServerOptions options) {
        assertThat(options.adapter()).isEqualTo("redis");
        return RedisSettings.bind(options.adapterSettings(), true);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> failsNaming(String field, String yaml) {
        return assertThatThrownBy(() -> load(yaml, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(field + ": ");
    }
}
