package io.herald.server.app;

import java.util.Collection;
import java.util.Optional;

/** Where apps come from. Static configuration now; a database can implement the same lookups. */
public interface AppStore {

    Optional<App> findById(String id);

    Optional<App> findByKey(String key);

    Collection<App> all();
}
