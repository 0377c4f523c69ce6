package io.herald.server.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's apps: an in-memory copy of an {@link AppSource}, so connects and API calls look apps up
 * without a database round trip. The copy is loaded again when the source's version moves (checked
 * every {@code checkInterval}) or another node says an app changed ({@link #changedElsewhere}); each
 * difference is told to the {@link AppChangeListener}. Changes run on a thread of their own, never an
 * event loop; while the source is unreachable the copy keeps serving and changes fail with 503.
 */
public final class AppCatalog implements AppStore, AutoCloseable {

    /** How often the source's version is compared: changes reach every node within it even without a cluster adapter. */
    public static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(AppCatalog.class);

    private final AppSource source;
    private final Clock clock;
    private final Duration defaultGrace;
    private final ScheduledExecutorService worker;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private volatile AppChangeListener listener = (before, after) -> { };
    private volatile Consumer<String> announce = id -> { };
    private long loadedVersion = Long.MIN_VALUE;
    private boolean sourceDown;

    /**
     * Loads the apps now, so a source that is down at start stops the node with a clear error.
     *
     * @param defaultGrace how long a rotated secret stays valid when the rotation names no grace
     * @throws AppSourceException when the source can't be read
     */
    public AppCatalog(AppSource source, Duration checkInterval, Duration defaultGrace, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.defaultGrace = defaultGrace;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-apps");
            t.setDaemon(true);
            return t;
        });
        try {
            loadedVersion = source.version();
            snapshot = Snapshot.of(source.load());
        } catch (RuntimeException e) {
            worker.shutdownNow();
            source.close();
            throw e;
        }
        long every = checkInterval.toMillis();
        worker.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Who hears changes (the node: close connections, swap webhook senders); set before serving. */
    public void listen(AppChangeListener listener) {
        this.listener = listener;
    }

    /** How other nodes are told an app changed (the cluster adapter); set before serving. */
    public void announceWith(Consumer<String> announce) {
        this.announce = announce;
    }

    public AppSource source() {
        return source;
    }

    @Override
    public Optional<App> findById(String id) {
        return Optional.ofNullable(snapshot.byId.get(id));
    }

    @Override
    public Optional<App> findByKey(String key) {
        return Optional.ofNullable(snapshot.byKey.get(key));
    }

    @Override
    public Collection<App> all() {
        return snapshot.byId.values();
    }

    /** Another node changed an app: load again soon, on the catalog's thread. */
    public void changedElsewhere(String appId) {
        worker.execute(this::refreshQuietly);
    }

    /** Loads the source again now if its version moved; completes once the copy is current. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.runAsync(() -> refresh(false), worker);
    }

    public CompletableFuture<App> create(App app) {
        return change(() -> {
            refresh(false);
            if (snapshot.byId.containsKey(app.id())) {
                throw AppSourceException.conflict("id: an app with id " + app.id() + " exists already");
            }
            if (snapshot.byKey.containsKey(app.key())) {
                throw AppSourceException.conflict("key: another app has the key " + app.key());
            }
            source.create(app);
            return app;
        }, app.id());
    }

    /** Applies {@code edit} to the current app and stores the result. */
    public CompletableFuture<App> update(String id, UnaryOperator<App> edit) {
        return change(() -> {
            refresh(false);
            App current = snapshot.byId.get(id);
            if (current == null) {
                throw AppSourceException.notFound(id);
            }
            App edited = edit.apply(current);
            App owner = snapshot.byKey.get(edited.key());
            if (owner != null && !owner.id().equals(id)) {
                throw AppSourceException.conflict("key: another app has the key " + edited.key());
            }
            source.update(edited);
            return edited;
        }, id);
    }

    /** Completes with the deleted app. */
    public CompletableFuture<App> delete(String id) {
        return change(() -> {
            refresh(false);
            App current = snapshot.byId.get(id);
            if (current == null || !source.delete(id)) {
                throw AppSourceException.notFound(id);
            }
            return current;
        }, id);
    }

    /** Gives the app {@code newSecret}; the old one stays valid for {@code grace} (the default when null). */
    public CompletableFuture<App> rotateSecret(String id, String newSecret, Duration grace) {
        Duration g = grace == null ? defaultGrace : grace;
        return update(id, app -> app.rotateSecret(newSecret, clock.instant().plus(g)));
    }

    /** Runs a change on the catalog's thread; then loads the source again and tells the other nodes. */
    private <T> CompletableFuture<T> change(Supplier<T> work, String appId) {
        return CompletableFuture.supplyAsync(() -> {
            T result = work.get();
            refresh(true);
            announce.accept(appId);
            return result;
        }, worker);
    }

    private void refreshQuietly() {
        try {
            refresh(false);
        } catch (RuntimeException e) {
            // Already logged once when the source went down; the copy keeps serving meanwhile.
        }
    }

    /** Worker thread only. */
    private void refresh(boolean force) {
        long version;
        List<App> loaded;
        try {
            version = source.version();
            if (!force && version == loadedVersion) {
                recovered();
                return;
            }
            loaded = source.load();
        } catch (RuntimeException e) {
            if (!sourceDown) {
                sourceDown = true;
                log.warn("Apps can't be read: {} (serving the {} app(s) known meanwhile)", e.getMessage(), snapshot.byId.size());
            }
            throw e;
        }
        recovered();
        loadedVersion = version;
        apply(Snapshot.of(loaded));
    }

    private void recovered() {
        if (sourceDown) {
            sourceDown = false;
            log.info("Apps readable again from {}", source.description());
        }
    }

    private void apply(Snapshot next) {
        Snapshot previous = snapshot;
        snapshot = next;
        for (App after : next.byId.values()) {
            App before = previous.byId.get(after.id());
            if (!after.equals(before)) {
                notifyListener(before, after);
            }
        }
        for (App before : previous.byId.values()) {
            if (!next.byId.containsKey(before.id())) {
                notifyListener(before, null);
            }
        }
    }

    private void notifyListener(App before, App after) {
        try {
            listener.changed(before, after);
        } catch (RuntimeException e) {
            log.warn("Applying the change of app {} failed", (after != null ? after : before).id(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        source.close();
    }

    private record Snapshot(Map<String, App> byId, Map<String, App> byKey) {

        static Snapshot of(List<App> apps) {
            Map<String, App> byId = new LinkedHashMap<>();
            Map<String, App> byKey = new LinkedHashMap<>();
            for (App app : apps) {
                byId.put(app.id(), app);
                byKey.put(app.key(), app);
            }
            return new Snapshot(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byKey));
        }
    }
}
