package io.herald.push;

import io.herald.push.api.Endpoints;
import io.herald.push.api.PushHttpService;
import io.herald.server.extension.ServerExtension;
import io.herald.server.transport.HttpService;
import io.herald.store.EmbeddedDatabase;
import io.herald.store.Migrations;
import io.herald.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push notifications on one node: the HTTP APIs, and the store with Web Push delivery behind them.
 * Owns its threads: the store threads that serve API requests (as many as store connections, with a
 * bounded wait list) and, once the store is open, the delivery threads.
 *
 * <p>The store opens at start when there may be work in it (a PostgreSQL store, or an embedded
 * file already there: deliveries queued before a restart resume at once). A node whose embedded
 * store does not exist yet opens it at the first push request instead, so a server that never
 * serves push does not carry the database, its migrations and their classes (about 24 MiB).
 */
public final class PushExtension implements ServerExtension {

    private static final Logger log = LoggerFactory.getLogger(PushExtension.class);

    static final Migrations MIGRATIONS = new Migrations("classpath:db/push", "push_schema_history");

    private final PushOptions options;
    private final ThreadPoolExecutor storeThreads;
    private final PushHttpService service;
    private final boolean openedAtStart;
    /** Null until the store is open, and again after {@link #close}; written under {@code this}. */
    private volatile PushRuntime runtime;
    private boolean closed;
    /**
     * The last open that failed and when it ended ({@link System#nanoTime}): the answer of every request
     * that arrived before it ended, so an outage refuses a queue of them at once instead of trying
     * again for each in turn, each try lasting up to the store's connection timeout. Under {@code this}.
     */
    private StoreException lastFailure;
    private long lastFailureEnded;

    private PushExtension(PushOptions options) {
        this.options = options;
        AtomicInteger n = new AtomicInteger();
        // Core threads start with the first tasks: an idle node holds none.
        this.storeThreads = new ThreadPoolExecutor(options.storePoolSize(), options.storePoolSize(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(options.pendingRequests()), r -> {
                    Thread t = new Thread(r, "push-store-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.service = new PushHttpService(options, storeThreads, this::endpoints);
        this.openedAtStart = options.storeUrl() != null || EmbeddedDatabase.exists(options.dataDirectory());
    }

    /**
     * Opens the store now if it may hold work (blocking while it does), else checks that the embedded
     * store's directory can be written, so a bad {@code data-dir} still stops the start.
     *
     * @throws StoreException when the store can't be opened or its directory can't be written
     */
    public static PushExtension start(PushOptions options) {
        PushExtension push = new PushExtension(options);
        if (push.openedAtStart) {
            push.endpoints(System.nanoTime());
        } else {
            requireWritable(options.dataDirectory());
            log.info("Push store: {} has no database yet; it is made at the first push request",
                    options.dataDirectory());
        }
        return push;
    }

    private static void requireWritable(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("push data-dir " + directory + " can't be made: " + e, e);
        }
        if (!Files.isWritable(directory)) {
            throw new StoreException("push data-dir " + directory + " is not writable", null);
        }
    }

    /**
     * The endpoints on the open store, opening it first if needed (on a store thread, or at start). A
     * failed open answers 503 to the request that tried and to those that arrived while it did; the
     * next request to arrive tries again.
     *
     * @param askedAt when the request arrived ({@link System#nanoTime})
     */
    private Endpoints endpoints(long askedAt) {
        PushRuntime open = runtime;
        return (open != null ? open : open(askedAt)).endpoints();
    }

    private synchronized PushRuntime open(long askedAt) {
        if (closed) {
            throw new StoreException("push notifications are stopping", null);
        }
        if (runtime != null) {
            return runtime;
        }
        if (lastFailure != null && lastFailureEnded - askedAt > 0) {
            throw lastFailure; // it failed after this request arrived
        }
        try {
            runtime = PushRuntime.open(options);
        } catch (StoreException e) {
            lastFailure = e;
            lastFailureEnded = System.nanoTime();
            throw e;
        }
        lastFailure = null;
        return runtime;
    }

    @Override
    public List<HttpService> httpServices() {
        return List.of(service);
    }

    @Override
    public List<String> summary() {
        String where = options.storeUrl() == null
                ? "embedded store in " + options.dataDirectory() + (openedAtStart ? "" : " (made at the first push request)")
                : "store " + options.storeUrl().replaceAll("(?i)(password=)[^&;]*", "$1***");
        return List.of("Push notifications: instances " + options.instances().stream().map(PushInstance::id).toList()
                + ", " + where + ".");
    }

    @Override
    public void close() {
        storeThreads.shutdown();
        try {
            storeThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PushRuntime open;
        synchronized (this) {
            closed = true;
            open = runtime;
            runtime = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
