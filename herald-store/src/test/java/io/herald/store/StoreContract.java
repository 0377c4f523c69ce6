package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same behaviour on both kinds of store: {@link H2StoreTest} and {@link PostgresStoreTest} run every test. */
@Timeout(60)
abstract class StoreContract {

    static final Migrations MIGRATIONS = new Migrations("classpath:db/storetest", "storetest_schema_history");

    Store store;

    abstract StoreOptions options();

    @BeforeEach
    void open() {
        store = Store.open(options(), MIGRATIONS);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void migrationsRunOnceAndAgainOpeningIsHarmless() {
        store.close();
        store = Store.open(options(), MIGRATIONS);
        insert("a", "with a note from V2");
        assertThat(names()).containsExactly("a");
    }

    @Test
    void aTransactionThatThrowsLeavesNothing() {
        assertThatThrownBy(() -> store.transaction(c -> {
            insert(c, "lost");
            throw new SQLException("boom");
        })).isInstanceOf(StoreException.class).hasMessageContaining("boom");
        assertThat(names()).isEmpty();
    }

    @Test
    void twoClaimersSkipEachOthersLockedRows() throws Exception {
        for (int i = 0; i < 6; i++) {
            insert("job" + i, null);
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> first = new ArrayList<>();
        Thread holder = new Thread(() -> store.transaction(c -> {
            first.addAll(claim(c, 4));
            firstHolds.countDown();
            awaitQuietly(secondDone);
            return null;
        }));
        holder.start();
        assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
        // While the first transaction holds its rows, the second gets only the others, without waiting.
        List<String> second = store.transaction(c -> claim(c, 4));
        secondDone.countDown();
        holder.join(30_000);
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
    }

    @Test
    void anUnreachableDatabaseIsAClearError() {
        StoreOptions nowhere = new StoreOptions("jdbc:postgresql://127.0.0.1:1/none?user=postgres", null, 1,
                java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> Store.open(nowhere, MIGRATIONS))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open the store");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> claim(Connection c, int n) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name FROM store_test_jobs ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    void insert(String name, String note) {
        store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO store_test_jobs (name, note) VALUES (?, ?)")) {
                s.setString(1, name);
                s.setString(2, note);
                return s.executeUpdate();
            }
        });
    }

    private static void insert(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO store_test_jobs (name) VALUES (?)")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    List<String> names() {
        return store.transaction(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT name FROM store_test_jobs ORDER BY id")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        });
    }
}
