package io.herald.push;

import io.herald.push.api.Endpoints;
import io.herald.push.data.DeliveryQueue;
import io.herald.push.data.DeviceStore;
import io.herald.push.data.PublishExpansion;
import io.herald.push.data.PublishStore;
import io.herald.push.data.PublishWebhooks;
import io.herald.push.data.VapidKeyStore;
import io.herald.push.data.WebhookOutbox;
import io.herald.push.delivery.Delivery;
import io.herald.store.Store;
import io.herald.store.StoreOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The open push store and what works on it: each instance's VAPID keys, the API endpoints, Web Push
 * delivery (which resumes what was queued before a restart) and the retention of old publishes.
 */
final class PushRuntime implements AutoCloseable {

    private final Store store;
    private final Delivery delivery;
    private final PublishRetention retention;
    private final Endpoints endpoints;

    private PushRuntime(Store store, Delivery delivery, PublishRetention retention, Endpoints endpoints) {
        this.store = store;
        this.delivery = delivery;
        this.retention = retention;
        this.endpoints = endpoints;
    }

    /** Opens the store (migrating it), makes missing VAPID keys, starts delivery. Blocks while it does. */
    static PushRuntime open(PushOptions options) {
        Store store = Store.open(new StoreOptions(options.storeUrl(), options.dataDirectory(), options.storePoolSize(),
                StoreOptions.DEFAULT_CONNECTION_TIMEOUT), PushExtension.MIGRATIONS);
        try {
            VapidKeyStore vapid = new VapidKeyStore(store);
            Map<String, VapidKeyStore.Keys> keys = new HashMap<>();
            options.instances().forEach(i -> keys.put(i.id(), vapid.keysOf(i.id())));
            PublishWebhooks webhooks = new PublishWebhooks(options.instances());
            Delivery delivery = Delivery.start(options, new DeliveryQueue(store, webhooks),
                    new PublishExpansion(store, webhooks), new WebhookOutbox(store), keys);
            PublishStore publishes = new PublishStore(store, webhooks);
            Endpoints endpoints = new Endpoints(options, new DeviceStore(store), publishes,
                    id -> keys.get(id).publicKey(), delivery::wake);
            PublishRetention retention = new PublishRetention(publishes, options.publishRetention());
            retention.start();
            return new PushRuntime(store, delivery, retention, endpoints);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        retention.close();
        delivery.close(Duration.ofSeconds(5));
        store.close();
    }
}
