package io.herald.apps;

import io.herald.store.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code apps-store:} block: where the apps come from.
 *
 * @param type {@code config} (the configuration file, the default), {@code embedded} or {@code postgresql}
 * @param dataDirectory the embedded database's directory
 * @param url the PostgreSQL JDBC URL; {@code null} unless {@code type} is {@code postgresql}
 * @param poolSize most database connections held at once
 * @param connectionTimeout how long a start or a change waits for the database before it is reported down
 */
record AppStoreOptions(String type, Path dataDirectory, String url, int poolSize, Duration connectionTimeout) {

    static final String CONFIG = "config";
    static final String EMBEDDED = "embedded";
    static final String POSTGRESQL = "postgresql";
    static final int DEFAULT_POOL_SIZE = 2;
    static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    boolean inDatabase() {
        return !type.equals(CONFIG);
    }

    StoreOptions storeOptions() {
        return new StoreOptions(type.equals(POSTGRESQL) ? url : null, dataDirectory, poolSize, connectionTimeout);
    }

    /** Where the apps are, for logs (never a password). */
    String description() {
        return type.equals(EMBEDDED) ? "the embedded app store in " + dataDirectory
                : "the PostgreSQL app store at " + url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
