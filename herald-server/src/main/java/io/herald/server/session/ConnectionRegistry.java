package io.herald.server.session;

import io.herald.server.app.App;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

    /** The app's connections, at most {@code limit}, each read on its own event loop (where its state lives). */
    public CompletableFuture<ConnectionPage> list(String appId, int limit) {
        List<CompletableFuture<ConnectionInfo>> rows = new ArrayList<>();
        for (Connection connection : all) {
            if (rows.size() == limit) {
                break;
            }
            if (connection.app().id().equals(appId)) {
                rows.add(CompletableFuture.supplyAsync(() -> info(connection), connection.executor()));
            }
        }
        int total = count(appId);
        // A connection whose loop has shut down meanwhile is left out rather than failing the list.
        return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).handle((done, failure) ->
                new ConnectionPage(total, rows.stream().filter(row -> !row.isCompletedExceptionally())
                        .map(CompletableFuture::join).toList()));
    }

    private static ConnectionInfo info(Connection connection) {
        return new ConnectionInfo(connection.socketId(), connection.origin(), connection.remoteAddress(),
                connection.userId(), connection.channels());
    }
}
