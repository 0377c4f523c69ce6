package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded database in a fresh directory, and what only a file can show. */
class H2StoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    StoreOptions options() {
        return StoreOptions.embedded(dir);
    }

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        insert("kept", null);
        store.close();
        store = Store.open(options(), MIGRATIONS);
        assertThat(names()).containsExactly("kept");
        assertThat(store.kind()).isEqualTo(StoreKind.H2);
    }

    @Test
    void aSecondStoreOnTheSameDirectorySharesTheDatabase() {
        try (Store other = Store.open(options(), MIGRATIONS)) {
            other.transaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO store_test_jobs (name) VALUES ('from the other')"));
        }
        assertThat(names()).containsExactly("from the other");
    }
}
