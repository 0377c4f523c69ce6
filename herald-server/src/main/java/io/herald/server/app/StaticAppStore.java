package io.herald.server.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Apps fixed at start-up, from configuration. Ids and keys must be unique. */
public final class StaticAppStore implements AppStore {

    private final Map<String, App> byId = new LinkedHashMap<>();
    private final Map<String, App> byKey = new LinkedHashMap<>();

    public StaticAppStore(List<App> apps) {
        for (App app : apps) {
            if (byId.putIfAbsent(app.id(), app) != null) {
                throw new IllegalArgumentException("two apps have the id '" + app.id() + "'");
            }
            if (byKey.putIfAbsent(app.key(), app) != null) {
                throw new IllegalArgumentException("two apps have the key '" + app.key() + "'");
            }
        }
    }

    @Override
    public Optional<App> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<App> findByKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Collection<App> all() {
        return byId.values();
    }
}
