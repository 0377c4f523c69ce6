package io.herald.server.session;

import io.herald.server.app.App;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/** The live connections of this node, and each app's connection count for its quota. */
public final class ConnectionRegistry {

    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AtomicInteger> perApp = new ConcurrentHashMap<>();

    private volatile ToIntFunction<String> elsewhere = appId -> 0;

    /** Where to read each app's connections on the other nodes of a cluster (last known; never blocks). */
    public void countElsewhere(ToIntFunction<String> elsewhere) {
        this.elsewhere = elsewhere;
    }

    /** Registers {@code connection} unless its app is at its connection limit (counting the whole cluster). */
    public boolean tryAdd(Connection connection) {
        App app = connection.app();
        AtomicInteger count = perApp.computeIfAbsent(app.id(), id -> new AtomicInteger());
        int now = count.incrementAndGet();
        if (app.maxConnections() > 0 && now + elsewhere.applyAsInt(app.id()) > app.maxConnections()) {
            count.decrementAndGet();
            return false;
        }
        all.add(connection);
        return true;
    }

    public void remove(Connection connection) {
        if (all.remove(connection)) {
            perApp.get(connection.app().id()).decrementAndGet();
        }
    }

    public int count(String appId) {
        AtomicInteger count = perApp.get(appId);
        return count == null ? 0 : count.get();
    }

    public Collection<Connection> all() {
        return all;
    }
}
