package io.herald.store;

/** The database behind a {@link Store}; the SQL both accept is the same, this says which one runs. */
public enum StoreKind {
    /** H2 2.x in PostgreSQL mode: a file in the data directory, nothing to install. */
    H2,
    /** PostgreSQL, shared by several nodes. */
    POSTGRESQL
}
