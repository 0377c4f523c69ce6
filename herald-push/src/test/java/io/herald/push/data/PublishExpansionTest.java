package io.herald.push.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.push.data.PublishExpansion.Expanding;
import io.herald.push.data.PublishStore.Audience;
import io.herald.store.Migrations;
import io.herald.store.Store;
import io.herald.store.StoreOptions;
import io.herald.store.TestPostgres;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expansion of a stored publish into queued deliveries, on the embedded store and on PostgreSQL:
 * two expanders racing over one publish in small chunks, and an expansion abandoned half way (a
 * node stopped) finished by another, each queue every device exactly once; the queued rows are
 * claimed with their device's subscription.
 */
@Timeout(120)
class PublishExpansionTest {

    private static final String INSTANCE = "instance-id";
    /** No instance has webhooks here: nothing is queued when a publish finishes. */
    private static final PublishWebhooks NO_WEBHOOKS = new PublishWebhooks(java.util.List.of());
    private static final int DEVICES = 1_000;

    @TempDir
    Path dataDir;

    private interface StoreTest {
        void run(Store store) throws Exception;
    }

    private void onStore(String kind, StoreTest test) throws Exception {
        Migrations migrations = new Migrations("classpath:db/push", "push_schema_history");
        if (kind.equals("h2")) {
            try (Store store = Store.open(StoreOptions.embedded(dataDir), migrations)) {
                test.run(store);
            }
            return;
        }
        try (TestPostgres database = TestPostgres.create();
             Store store = Store.open(StoreOptions.at(database.url()), migrations)) {
            test.run(store);
        }
    }

    /** {@code DEVICES} devices on interest "news", plus some on interest "other" that must not be queued. */
    private static void devices(Store store) {
        store.transaction(c -> {
            try (PreparedStatement d = c.prepareStatement("INSERT INTO push_devices "
                    + "(instance_id, id, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, 'k', 'a', 0)");
                 PreparedStatement i = c.prepareStatement(
                         "INSERT INTO push_device_interests (instance_id, device_id, interest) VALUES (?, ?, ?)")) {
                for (int n = 0; n < DEVICES + 50; n++) {
                    String id = "web-" + n;
                    d.setString(1, INSTANCE);
                    d.setString(2, id);
                    d.setString(3, "https://push.example/" + n);
                    d.addBatch();
                    i.setString(1, INSTANCE);
                    i.setString(2, id);
                    i.setString(3, n < DEVICES ? "news" : "other");
                    i.addBatch();
                }
                d.executeBatch();
                i.executeBatch();
            }
            return null;
        });
    }

    private static Map<String, Integer> queuedPerDevice(Store store, String publishId) {
        return store.transaction(c -> {
            Map<String, Integer> queued = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT device_id FROM push_deliveries WHERE instance_id = ? AND publish_id = ?")) {
                s.setString(1, INSTANCE);
                s.setString(2, publishId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        queued.merge(r.getString(1), 1, Integer::sum);
                    }
                }
            }
            return queued;
        });
    }

    private static boolean expanded(Store store, String publishId) {
        return store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT expand_due_at FROM push_publishes WHERE id = ?")) {
                s.setString(1, publishId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getObject(1) == null;
                }
            }
        });
    }

    private static void assertQueuedOnce(Store store, String publishId) {
        Map<String, Integer> queued = queuedPerDevice(store, publishId);
        assertThat(queued).as("devices queued").hasSize(DEVICES);
        assertThat(queued.values()).as("copies per device").containsOnly(1);
        assertThat(queued.keySet()).allMatch(id -> Integer.parseInt(id.substring(4)) < DEVICES);
        PublishStatus status = new PublishStore(store, NO_WEBHOOKS).status(INSTANCE, publishId);
        assertThat(status.targets()).isEqualTo(DEVICES);
        assertThat(new PublishExpansion(store, NO_WEBHOOKS).claim(1_000)).as("nothing left to expand").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoExpandersRacingOverOnePublishQueueEveryDeviceOnce(String kind) throws Exception {
        onStore(kind, store -> {
            devices(store);
            new PublishStore(store, NO_WEBHOOKS).publish(INSTANCE, "pub-race", "{}", "{\"x\":1}", null, Audience.INTERESTS,
                    List.of("news", "nobody"), null, false);
            // Lease 0: the publish is always up for grabs, so both keep taking it from each other.
            Runnable expander = () -> {
                PublishExpansion expansion = new PublishExpansion(store, NO_WEBHOOKS);
                while (!expanded(store, "pub-race")) {
                    Expanding p = expansion.claim(0);
                    while (p != null) {
                        p = expansion.expandChunk(p, 37, 0);
                    }
                }
            };
            CompletableFuture.allOf(CompletableFuture.runAsync(expander), CompletableFuture.runAsync(expander)).get();
            assertQueuedOnce(store, "pub-race");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExpansionAbandonedHalfWayIsFinishedByAnotherNodeAfterItsLease(String kind) throws Exception {
        onStore(kind, store -> {
            devices(store);
            new PublishStore(store, NO_WEBHOOKS).publish(INSTANCE, "pub-stop", "{}", "{\"x\":1}", null, Audience.INTERESTS,
                    List.of("news"), null, false);
            PublishExpansion stopped = new PublishExpansion(store, NO_WEBHOOKS);
            Expanding p = stopped.claim(60_000);
            p = stopped.expandChunk(p, 300, 60_000);
            assertThat(queuedPerDevice(store, "pub-stop")).hasSize(300);
            PublishExpansion other = new PublishExpansion(store, NO_WEBHOOKS);
            assertThat(other.claim(60_000)).as("still leased by the stopped node").isNull();

            // The stopped node's lease runs out (moved back here rather than waited for).
            store.transaction(c -> c.createStatement().executeUpdate(
                    "UPDATE push_publishes SET expand_due_at = 0 WHERE id = 'pub-stop'"));
            Expanding resumed = other.claim(60_000);
            assertThat(resumed.cursor()).isEqualTo(p.cursor());
            while (resumed != null) {
                resumed = other.expandChunk(resumed, 300, 60_000);
            }
            assertThat(stopped.expandChunk(p, 300, 60_000)).as("the stopped node's stale chunk").isNull();
            assertQueuedOnce(store, "pub-stop");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void claimedDeliveriesCarryTheirDeviceAndADeletedDeviceComesWithout(String kind) throws Exception {
        onStore(kind, store -> {
            devices(store);
            new PublishStore(store, NO_WEBHOOKS).publish(INSTANCE, "pub-claim", "{}", "{\"x\":1}", null, Audience.INTERESTS,
                    List.of("news"), null, false);
            PublishExpansion expansion = new PublishExpansion(store, NO_WEBHOOKS);
            Expanding p = expansion.claim(60_000);
            while (p != null) {
                p = expansion.expandChunk(p, 500, 60_000);
            }
            store.transaction(c -> c.createStatement().executeUpdate(
                    "DELETE FROM push_devices WHERE id = 'web-7'"));

            DeliveryQueue queue = new DeliveryQueue(store, NO_WEBHOOKS);
            List<ClaimedDelivery> claimed = new java.util.ArrayList<>(queue.claim(DEVICES, 60_000));
            assertThat(claimed).hasSize(DEVICES);
            assertThat(claimed).filteredOn(d -> d.device() == null).extracting(ClaimedDelivery::deviceId)
                    .containsExactly("web-7");
            assertThat(claimed).filteredOn(d -> d.device() != null)
                    .allMatch(d -> d.device().id().equals(d.deviceId())
                            && d.device().endpoint().equals("https://push.example/" + d.deviceId().substring(4)));
            assertThat(queue.claim(DEVICES, 60_000)).as("leased").isEmpty();
        });
    }
}
