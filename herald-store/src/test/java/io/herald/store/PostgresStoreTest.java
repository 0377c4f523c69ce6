package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on a throwaway PostgreSQL database. */
class PostgresStoreTest extends StoreContract {

    private final TestPostgres database = TestPostgres.create();

    @Override
    StoreOptions options() {
        return StoreOptions.at(database.url());
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void itIsPostgres() {
        assertThat(store.kind()).isEqualTo(StoreKind.POSTGRESQL);
    }
}
