package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing a Redis Cluster redis-url into seed nodes, and the hash tag of the key prefix. */
class ClusterUrlTest {

    @Test
    void errorsNeverRepeatThePassword() {
        assertThat(ClusterUrl.redacted("redis-cluster://user:s3cret@a:1,b:2")).isEqualTo("redis-cluster://user:***@a:1,b:2");
        assertThat(ClusterUrl.redacted("redis://:s3cret@host:6379/0")).isEqualTo("redis://:***@host:6379/0");
        assertThat(ClusterUrl.redacted("redis://host:6379")).isEqualTo("redis://host:6379");
        assertThatThrownBy(() -> ClusterUrl.seeds("redis-cluster://:s3cret@a:1/3"))
                .hasMessageContaining("***").hasMessageNotContaining("s3cret");
    }

    @Test
    void everySeedGetsTheCredentialsAndOptions() {
        List<RedisURI> seeds = ClusterUrl.seeds("redis-cluster://:s3cret@10.0.0.1:7000,10.0.0.2:7001,cache?timeout=2s");

        assertThat(seeds).extracting(RedisURI::getHost).containsExactly("10.0.0.1", "10.0.0.2", "cache");
        assertThat(seeds).extracting(RedisURI::getPort).containsExactly(7000, 7001, RedisURI.DEFAULT_REDIS_PORT);
        assertThat(seeds).allSatisfy(seed -> {
            assertThat(credentials(seed).getPassword()).containsExactly("s3cret".toCharArray());
            assertThat(seed.getTimeout().toSeconds()).isEqualTo(2);
            assertThat(seed.isSsl()).isFalse();
        });
    }

    @Test
    void theTlsSchemeSecuresEverySeed() {
        assertThat(ClusterUrl.seeds("rediss-cluster://user:pw@a:6380,b:6380"))
                .allSatisfy(seed -> {
                    assertThat(seed.isSsl()).isTrue();
                    assertThat(credentials(seed).getUsername()).isEqualTo("user");
                });
    }

    private static RedisCredentials credentials(RedisURI seed) {
        return seed.getCredentialsProvider().resolveCredentials().block();
    }

    @Test
    void onlyClusterSchemesNameAClusterUrl() {
        assertThat(ClusterUrl.isCluster("redis-cluster://a:1")).isTrue();
        assertThat(ClusterUrl.isCluster("rediss-cluster://a:1")).isTrue();
        assertThat(ClusterUrl.isCluster("redis://a:1")).isFalse();
        assertThat(ClusterUrl.isCluster("redis-sentinel://a:26379#m")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis-cluster://", "redis-cluster://a:1,,b:2", "redis-cluster://a:1/3",
            "redis-cluster://a:notaport"})
    void aMalformedClusterUrlNamesTheSetting(String url) {
        assertThatThrownBy(() -> ClusterUrl.seeds(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redis-url ")
                .hasMessageContaining(url);
    }

    @ParameterizedTest
    @CsvSource({"herald:, {herald}:", "test:, {test}:", "herald, {herald}", "'', {herald}", "'{x}:', {x}:",
            "'a{b}c:', a{b}c:", "'{}:', {{}}:"})
    void theKeyPrefixGetsOneHashTag(String prefix, String tagged) {
        assertThat(RedisKeys.tagged(prefix)).isEqualTo(tagged);
    }
}
