package io.herald.server.app;

import java.util.Collection;
import java.util.Optional;

/**
 * The apps a node serves, looked up without blocking: {@link AppCatalog} (the running node's, kept in
 * memory from an {@link AppSource}) or {@link StaticAppStore} (a fixed list).
 */
public interface AppStore {

    Optional<App> findById(String id);

    Optional<App> findByKey(String key);

    Collection<App> all();
}
