package io.herald.store;

/**
 * The store is closed: the server closed it, or the embedded database closed itself as the process
 * exits (H2's own shutdown hook, which may run before the server's). Workers stop on it quietly.
 */
public class StoreClosedException extends StoreException {

    public StoreClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
