package io.herald.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the store lives and how many connections it may hold.
 *
 * @param url a JDBC URL ({@code jdbc:postgresql://host:5432/db?user=…}), or {@code null} for the
 *            embedded database under {@code dataDirectory}
 * @param dataDirectory the embedded database's directory; unused with a URL
 * @param poolSize the most connections held at once
 * @param connectionTimeout how long a caller waits for a free connection before failing
 */
public record StoreOptions(String url, Path dataDirectory, int poolSize, Duration connectionTimeout) {

    /** {@value}: the embedded database's directory, relative to the working directory. */
    public static final String DEFAULT_DATA_DIRECTORY = "./data";
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    public StoreOptions {
        if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("store URL must be a jdbc:postgresql: (or jdbc:h2:) URL, was \"" + url + "\"");
        }
        if (url == null && dataDirectory == null) {
            throw new IllegalArgumentException("the embedded store needs a data directory");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250ms, was " + connectionTimeout);
        }
    }

    /** The embedded database under {@code dataDirectory}, with the default pool. */
    public static StoreOptions embedded(Path dataDirectory) {
        return new StoreOptions(null, dataDirectory, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The database at {@code url}, with the default pool. */
    public static StoreOptions at(String url) {
        return new StoreOptions(url, null, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    public boolean isEmbedded() {
        return url == null;
    }
}
