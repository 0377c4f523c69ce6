package io.herald.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store: a pool of connections to the embedded H2 database (a file under the data
 * directory) or to PostgreSQL, migrated to the newest schema when opened. Every call blocks on JDBC:
 * never call it from an event loop.
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    static {
        // Several processes may share one embedded file (H2's AUTO_SERVER): the first serves it to
        // the others over TCP, which must stay on this machine's loopback.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** H2's DATABASE_CALLED_AT_SHUTDOWN: its shutdown hook closed the database. */
    private static final int H2_CLOSED_AT_EXIT = 90121;

    private final HikariDataSource pool;
    private final StoreKind kind;
    /**
     * Set when no connection could be made within the connection timeout (the database is down or
     * cut off): callers are then refused at once while one at a time tries again, so an outage holds
     * one caller for the timeout instead of every caller in turn. Cleared by the first connection.
     */
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private volatile String unreachableCause = "";

    private Store(HikariDataSource pool, StoreKind kind) {
        this.pool = pool;
        this.kind = kind;
    }

    /**
     * Opens the store and runs each set of migrations that has not run yet.
     *
     * @throws StoreException when the database can't be reached or a migration fails
     */
    public static Store open(StoreOptions options, Migrations... migrations) {
        String url = options.isEmbedded() ? EmbeddedDatabase.url(options.dataDirectory()) : options.url();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(options.poolSize());
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setPoolName("herald-store");
        // A database that is down at start is reported at once, not on the first request.
        config.setInitializationFailTimeout(options.connectionTimeout().toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + redact(url) + ": " + rootMessage(e), e);
        }
        Store store = new Store(pool, url.startsWith("jdbc:h2:") ? StoreKind.H2 : StoreKind.POSTGRESQL);
        try {
            for (Migrations m : migrations) {
                store.migrate(m);
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        log.info("Store open: {}", redact(url));
        return store;
    }

    private void migrate(Migrations m) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(m.location())
                    .table(m.historyTable())
                    // Other users' tables may already be there: that is not a reason to refuse.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("migrating " + m.location() + " failed: " + rootMessage(e), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (pool.isClosed() || kind == StoreKind.H2 && e.getErrorCode() == H2_CLOSED_AT_EXIT) {
                throw new StoreClosedException("store: closed", e);
            }
            throw new StoreException("store: " + e.getMessage(), e);
        }
    }

    /**
     * A connection from the pool, or a {@link StoreException} at once while the database is unreachable
     * and another caller is already trying to reach it.
     */
    private Connection connection() throws SQLException {
        boolean retry = unreachable.get();
        if (retry && !reconnecting.compareAndSet(false, true)) {
            throw new StoreException("store: unreachable (" + unreachableCause + "); another request is reconnecting", null);
        }
        try {
            Connection c = pool.getConnection();
            unreachable.set(false);
            return c;
        } catch (SQLTransientConnectionException e) {
            // Hikari names the last failure to connect when the database could not be reached; a pool
            // that is only busy times out without one.
            if (e.getCause() != null) {
                unreachableCause = String.valueOf(e.getCause().getMessage());
                unreachable.set(true);
            }
            throw e;
        } finally {
            if (retry) {
                reconnecting.set(false);
            }
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public StoreKind kind() {
        return kind;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A URL without its password, for logs and errors. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
