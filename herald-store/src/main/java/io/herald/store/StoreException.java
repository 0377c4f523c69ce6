package io.herald.store;

/** The store could not do what was asked: the database is unreachable, a migration failed, a query failed. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
