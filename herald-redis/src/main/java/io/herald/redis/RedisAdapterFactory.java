package io.herald.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.AdapterFactory;
import io.herald.server.cluster.ClusterNode;
import io.herald.server.config.Setting;
import java.util.List;

/** Provides {@code adapter: redis} and its settings to the server through {@link java.util.ServiceLoader}. */
public final class RedisAdapterFactory implements AdapterFactory {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public List<Setting> settings() {
        return RedisSettings.SETTINGS;
    }

    @Override
    public void validate(JsonNode settings, boolean selected) {
        RedisSettings.bind(settings, selected);
    }

    @Override
    public Adapter create(ClusterNode node) {
        return new RedisAdapter(node, RedisSettings.bind(node.options().adapterSettings(), true));
    }
}
