package io.herald.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.app.App;
import io.herald.server.app.AppSource;
import io.herald.server.app.AppSourceException;
import io.herald.server.config.AppDefinitions;
import io.herald.server.config.ConfigException;
import io.herald.store.Migrations;
import io.herald.store.SqlWork;
import io.herald.store.Store;
import io.herald.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apps in the embedded database or PostgreSQL ({@code apps} table, see {@code db/apps}). Every change
 * moves {@code apps_version} in the same transaction, which is what the nodes compare. On its very
 * first start the store takes the configuration file's apps, so a node switched to a database keeps
 * serving the apps it had. Blocking JDBC: called on the app catalog's thread only.
 */
final class DatabaseAppSource implements AppSource {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAppSource.class);
    static final Migrations MIGRATIONS = new Migrations("classpath:db/apps", "apps_schema_history");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SQLSTATE of a unique or primary key violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Store store;
    private final String description;

    private DatabaseAppSource(Store store, String description) {
        this.store = store;
        this.description = description;
    }

    /**
     * Opens (and migrates) the store, seeding it with {@code configured} when it never held apps.
     *
     * @throws AppSourceException when the database can't be reached, naming it
     */
    static DatabaseAppSource open(AppStoreOptions options, List<App> configured) {
        Store store;
        try {
            store = Store.open(options.storeOptions(), MIGRATIONS);
        } catch (StoreException e) {
            throw new AppSourceException(503, "apps-store: cannot open " + options.description() + ": " + e.getMessage(), e);
        }
        DatabaseAppSource source = new DatabaseAppSource(store, options.description());
        try {
            source.seed(configured);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return source;
    }

    private void seed(List<App> configured) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM apps_version WHERE id = 1 FOR UPDATE")) {
                ResultSet rs = s.executeQuery();
                if (rs.next() && rs.getLong(1) != 0) {
                    return null;
                }
            }
            for (App app : configured) {
                insert(c, app);
            }
            bumpVersion(c);
            log.info("App store was new: took the {} app(s) of the configuration", configured.size());
            return null;
        });
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<App> load() {
        return run(c -> {
            List<App> apps = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, secret, previous_secret, previous_secret_expires, definition FROM apps ORDER BY id")) {
                ResultSet rs = s.executeQuery();
                while (rs.next()) {
                    App app = read(rs);
                    if (app != null) {
                        apps.add(app);
                    }
                }
            }
            return apps;
        });
    }

    /** A row as an app; a row that no longer reads (edited by hand) is skipped with a warning, not fatal. */
    private static App read(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        try {
            ObjectNode definition = (ObjectNode) JSON.readTree(rs.getString("definition"));
            definition.put("secret", rs.getString("secret"));
            App app = AppDefinitions.read(definition, "apps[" + id + "]");
            String previous = rs.getString("previous_secret");
            long expires = rs.getLong("previous_secret_expires");
            return previous == null ? app : app.toBuilder().previousSecret(previous, Instant.ofEpochMilli(expires)).build();
        } catch (ConfigException | ClassCastException | com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("Skipped app {} of the app store: its definition does not read: {}", id, e.getMessage());
            return null;
        }
    }

    @Override
    public long version() {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM apps_version WHERE id = 1")) {
                ResultSet rs = s.executeQuery();
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void create(App app) {
        run(c -> {
            insert(c, app);
            bumpVersion(c);
            return null;
        });
    }

    @Override
    public void update(App app) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE apps SET app_key = ?, secret = ?, previous_secret = ?,"
                    + " previous_secret_expires = ?, definition = ?, updated_at = ? WHERE id = ?")) {
                bind(s, app, 1);
                s.setString(7, app.id());
                if (s.executeUpdate() == 0) {
                    throw AppSourceException.notFound(app.id());
                }
            }
            bumpVersion(c);
            return null;
        });
    }

    @Override
    public boolean delete(String id) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM apps WHERE id = ?")) {
                s.setString(1, id);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            bumpVersion(c);
            return true;
        });
    }

    private static void insert(Connection c, App app) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO apps (app_key, secret, previous_secret,"
                + " previous_secret_expires, definition, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, app, 1);
            s.setString(7, app.id());
            s.executeUpdate();
        }
    }

    /** Sets key, secret, previous secret, its expiry, definition and updated_at from {@code first} on. */
    private static void bind(PreparedStatement s, App app, int first) throws SQLException {
        JsonNode definition = AppDefinitions.write(app, false);
        s.setString(first, app.key());
        s.setString(first + 1, app.secret());
        s.setString(first + 2, app.previousSecret());
        if (app.previousSecretExpires() == null) {
            s.setNull(first + 3, java.sql.Types.BIGINT);
        } else {
            s.setLong(first + 3, app.previousSecretExpires().toEpochMilli());
        }
        s.setString(first + 4, definition.toString());
        s.setLong(first + 5, System.currentTimeMillis());
    }

    private static void bumpVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE apps_version SET version = version + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
    }

    /** One transaction; a taken id or key is 409, any other database failure 503 (the database is down). */
    private <T> T run(SqlWork<T> work) {
        try {
            return store.transaction(work);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw AppSourceException.conflict("id or key: another app has it already");
            }
            throw AppSourceException.unavailable("The app store (" + description + ") is unreachable: "
                    + e.getMessage() + "; apps keep serving as they were, changes are refused until it is back", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
