package io.herald.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigFields;
import io.herald.server.config.Setting;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the redis adapter's settings into {@link RedisOptions}. They sit at the top level of the
 * configuration, beside {@code adapter} ({@code redis-url}, {@code HERALD_REDIS_URL}, {@code --redis-url}).
 */
final class RedisSettings {

    static final List<Setting> SETTINGS = List.of(
            new Setting("", "redis-url", "Redis of the redis adapter: redis://[:password@]host:port[/db], rediss:// for TLS, redis-sentinel://, or redis-cluster://host:port,host:port (rediss-cluster:// for TLS)"),
            new Setting("", "redis-key-prefix", "prefix of this cluster's Redis keys and channels (default herald:)"),
            new Setting("", "node-timeout", "how long a silent node's connections stay counted before the others remove them (default 30s)"));
    private static final Set<String> FIELDS = SETTINGS.stream().map(Setting::field).collect(Collectors.toSet());
    private static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel",
            "redis-socket", "redis-cluster", "rediss-cluster");

    private RedisSettings() {
    }

    /**
     * @param required whether {@code adapter} is {@code redis}, so that {@code redis-url} is required; when
     *                 it is not, the settings are only checked (a wrong value is still worth reporting) and the
     *                 url may be {@code null}
     */
    static RedisOptions bind(JsonNode settings, boolean required) {
        ConfigFields f = new ConfigFields(settings, "", FIELDS);
        String url = url(f);
        if (url == null && required) {
            throw ConfigException.field("redis-url", "is required when adapter is redis");
        }
        return new RedisOptions(url, f.text("redis-key-prefix").orElse(RedisOptions.DEFAULT_KEY_PREFIX),
                f.duration("node-timeout", false).orElse(RedisOptions.DEFAULT_NODE_TIMEOUT));
    }

    private static String url(ConfigFields f) {
        String url = f.text("redis-url").orElse(null);
        if (url != null) {
            String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
            if (!SCHEMES.contains(scheme)) {
                throw ConfigException.field("redis-url",
                        "must be a redis://, rediss://, redis-sentinel:// or redis-cluster:// URL, was \"" + url + "\"");
            }
        }
        return url;
    }
}
