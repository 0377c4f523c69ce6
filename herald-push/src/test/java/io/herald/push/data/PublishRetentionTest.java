package io.herald.push.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.push.data.PublishExpansion.Expanding;
import io.herald.push.data.PublishStore.Audience;
import io.herald.store.Migrations;
import io.herald.store.Store;
import io.herald.store.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old publishes are deleted once finished, with what browsers reported about them; a publish whose
 * deliveries are still queued or whose audience is still being expanded is kept whatever its age.
 */
class PublishRetentionTest {

    private static final String INSTANCE = "instance-id";
    /** No instance has webhooks here: nothing is queued when a publish finishes. */
    private static final PublishWebhooks NO_WEBHOOKS = new PublishWebhooks(java.util.List.of());
    private static final String PAYLOAD = "{\"notification\":{\"title\":\"t\"}}";

    @TempDir
    Path dataDir;

    private Store store;
    private PublishStore publishes;

    @BeforeEach
    void open() {
        store = Store.open(StoreOptions.embedded(dataDir), new Migrations("classpath:db/push", "push_schema_history"));
        publishes = new PublishStore(store, NO_WEBHOOKS);
        store.transaction(c -> Sql.update(c, "INSERT INTO push_devices (instance_id, id, endpoint, p256dh, auth, "
                + "created_at) VALUES (?, 'web-1', 'https://push.example/1', 'k', 'a', 0)", INSTANCE));
        store.transaction(c -> Sql.update(c, "INSERT INTO push_device_interests (instance_id, device_id, interest) "
                + "VALUES (?, 'web-1', 'news')", INSTANCE));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void finishedPublishesBeforeTheCutoffGoWithTheirReports() {
        publishes.publish(INSTANCE, "pubid-old", "{}", null, null, Audience.INTERESTS, List.of("news"), null, false);
        assertThat(publishes.report(new io.herald.push.PushInstance(INSTANCE, "secret"), "pubid-old", "web-1", "delivery")).isTrue();

        assertThat(publishes.purgeFinished(System.currentTimeMillis() + 1, 100)).isEqualTo(1);

        assertThat(count("SELECT COUNT(*) FROM push_publishes")).isZero();
        assertThat(count("SELECT COUNT(*) FROM push_report_events")).isZero();
    }

    @Test
    void newerPublishesStay() {
        publishes.publish(INSTANCE, "pubid-new", "{}", null, null, Audience.INTERESTS, List.of("news"), null, false);

        assertThat(publishes.purgeFinished(System.currentTimeMillis() - 60_000, 100)).isZero();
        assertThat(count("SELECT COUNT(*) FROM push_publishes")).isEqualTo(1);
    }

    @Test
    void unfinishedPublishesStayWhateverTheirAge() {
        PublishExpansion expansion = new PublishExpansion(store, NO_WEBHOOKS);
        publishes.publish(INSTANCE, "pubid-expanding", "{}", PAYLOAD, null, Audience.INTERESTS, List.of("news"), null, false);
        long later = System.currentTimeMillis() + 60_000;
        assertThat(publishes.purgeFinished(later, 100)).as("not expanded yet").isZero();

        Expanding claimed = expansion.claim(10_000);
        assertThat(expansion.expandChunk(claimed, 64, 10_000)).as("one chunk queues every device").isNull();
        assertThat(publishes.purgeFinished(later, 100)).as("its delivery is still queued").isZero();

        store.transaction(c -> Sql.update(c, "DELETE FROM push_deliveries WHERE publish_id = ?", "pubid-expanding"));
        assertThat(publishes.purgeFinished(later, 100)).as("delivered").isEqualTo(1);
    }

    @Test
    void aBatchStopsAtItsLimit() {
        for (int i = 0; i < 5; i++) {
            publishes.publish(INSTANCE, "pubid-" + i, "{}", null, null, Audience.INTERESTS, List.of("news"), null, false);
        }
        long later = System.currentTimeMillis() + 1;

        assertThat(publishes.purgeFinished(later, 3)).isEqualTo(3);
        assertThat(publishes.purgeFinished(later, 3)).isEqualTo(2);
    }

    private int count(String sql) {
        return store.transaction(c -> Sql.count(c, sql));
    }
}
