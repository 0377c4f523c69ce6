package io.herald.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigFields;
import io.herald.server.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads the {@code apps-store:} block; every error names its field. */
final class AppStoreSettings {

    static final String BLOCK = "apps-store";
    private static final Set<String> FIELDS = Set.of("type", "data-dir", "url", "pool-size", "connection-timeout");
    private static final List<String> TYPES = List.of(AppStoreOptions.CONFIG, AppStoreOptions.EMBEDDED, AppStoreOptions.POSTGRESQL);

    static final List<Setting> SETTINGS = List.of(
            new Setting(BLOCK, "type", "where apps come from: config (the apps: list, the default), embedded (a database"
                    + " file under data-dir) or postgresql (url, shared by the nodes); the databases are changed with the admin API"),
            new Setting(BLOCK, "data-dir", "directory of the embedded app store (default ./data)"),
            new Setting(BLOCK, "url", "PostgreSQL JDBC URL of the app store (jdbc:postgresql://host:5432/db?user=…)"),
            new Setting(BLOCK, "pool-size", "most database connections of the app store, 2 to 100 (default 2)"),
            new Setting(BLOCK, "connection-timeout", "how long the app store waits for its database before reporting it down (default 3s)"));

    private AppStoreSettings() {
    }

    static AppStoreOptions bind(JsonNode block) {
        ConfigFields f = new ConfigFields(block, BLOCK, FIELDS);
        String type = f.text("type").orElse(AppStoreOptions.CONFIG);
        if (!TYPES.contains(type)) {
            throw ConfigException.field(f.name("type"), "must be one of " + String.join(", ", TYPES) + ", was \"" + type + "\"");
        }
        String url = f.text("url").orElse(null);
        if (type.equals(AppStoreOptions.POSTGRESQL) && (url == null || !url.startsWith("jdbc:postgresql:"))) {
            throw ConfigException.field(f.name("url"), url == null ? "is required with type postgresql"
                    : "must be a jdbc:postgresql://host:port/database?user=… URL, was \"" + url + "\"");
        }
        if (url != null && !type.equals(AppStoreOptions.POSTGRESQL)) {
            throw ConfigException.field(f.name("url"), "is only used with type postgresql (type is " + type + ")");
        }
        return new AppStoreOptions(type,
                Path.of(f.text("data-dir").orElse(io.herald.store.StoreOptions.DEFAULT_DATA_DIRECTORY)),
                url,
                // Two at least: the migrations at open hold two connections at once.
                f.integer("pool-size", 2, 100).orElse(AppStoreOptions.DEFAULT_POOL_SIZE),
                f.duration("connection-timeout", false).orElse(AppStoreOptions.DEFAULT_CONNECTION_TIMEOUT));
    }
}
