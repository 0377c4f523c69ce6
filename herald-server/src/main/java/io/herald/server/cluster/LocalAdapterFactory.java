package io.herald.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.config.Setting;
import java.util.List;

/** {@code adapter: local}, the default: one node, nothing to configure. */
final class LocalAdapterFactory implements AdapterFactory {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public void validate(JsonNode settings, boolean selected) {
    }

    @Override
    public Adapter create(ClusterNode node) {
        return new LocalAdapter(node);
    }
}
