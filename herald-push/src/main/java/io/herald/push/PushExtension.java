package io.herald.push;

import io.herald.push.api.PushHttpService;
import io.herald.push.data.DeliveryQueue;
import io.herald.push.data.DeviceStore;
import io.herald.push.data.PublishExpansion;
import io.herald.push.data.PublishStore;
import io.herald.push.data.VapidKeyStore;
import io.herald.push.delivery.Delivery;
import io.herald.server.extension.ServerExtension;
import io.herald.server.transport.HttpService;
import io.herald.store.Migrations;
import io.herald.store.Store;
import io.herald.store.StoreOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Push notifications on one node: the store, each instance's VAPID keys, the HTTP APIs and Web
 * Push delivery. Owns its threads: the store threads that serve API requests (as many as store
 * connections, with a bounded wait list) and the delivery threads.
 */
public final class PushExtension implements ServerExtension {

    static final Migrations MIGRATIONS = new Migrations("classpath:db/push", "push_schema_history");

    private final PushOptions options;
    private final Store store;
    private final ThreadPoolExecutor storeThreads;
    private final Delivery delivery;
    private final PublishRetention retention;
    private final PushHttpService service;

    private PushExtension(PushOptions options, Store store, ThreadPoolExecutor storeThreads, Delivery delivery,
                          PublishRetention retention, PushHttpService service) {
        this.options = options;
        this.store = store;
        this.storeThreads = storeThreads;
        this.delivery = delivery;
        this.retention = retention;
        this.service = service;
    }

    /** Opens the store (migrating it), makes missing VAPID keys, starts delivery. Blocks while it does. */
    public static PushExtension start(PushOptions options) {
        Store store = Store.open(new StoreOptions(options.storeUrl(), options.dataDirectory(), options.storePoolSize(),
                StoreOptions.DEFAULT_CONNECTION_TIMEOUT), MIGRATIONS);
        try {
            VapidKeyStore vapid = new VapidKeyStore(store);
            Map<String, VapidKeyStore.Keys> keys = new HashMap<>();
            options.instances().forEach(i -> keys.put(i.id(), vapid.keysOf(i.id())));
            Delivery delivery = Delivery.start(options, new DeliveryQueue(store), new PublishExpansion(store), keys);
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor storeThreads = new ThreadPoolExecutor(options.storePoolSize(), options.storePoolSize(),
                    60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(options.pendingRequests()), r -> {
                        Thread t = new Thread(r, "push-store-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            PublishStore publishes = new PublishStore(store);
            PushHttpService service = new PushHttpService(options, storeThreads, new DeviceStore(store),
                    publishes, id -> keys.get(id).publicKey(), delivery::wake);
            PublishRetention retention = new PublishRetention(publishes, options.publishRetention());
            retention.start();
            return new PushExtension(options, store, storeThreads, delivery, retention, service);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public List<HttpService> httpServices() {
        return List.of(service);
    }

    @Override
    public List<String> summary() {
        String where = options.storeUrl() == null
                ? "embedded store in " + options.dataDirectory()
                : "store " + options.storeUrl().replaceAll("(?i)(password=)[^&;]*", "$1***");
        return List.of("Push notifications: instances " + options.instances().stream().map(PushInstance::id).toList()
                + ", " + where + ".");
    }

    @Override
    public void close() {
        retention.close();
        delivery.close(Duration.ofSeconds(5));
        storeThreads.shutdown();
        try {
            storeThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
