package io.herald.apps;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.app.AppSource;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import io.herald.server.extension.ServerExtension;
import io.herald.server.extension.ServerExtensionProvider;
import io.herald.server.transport.HttpService;
import java.util.List;
import java.util.Optional;

/**
 * Plugs the database app sources into {@code herald server}: the {@code apps-store:} block, its
 * {@code HERALD_APPS_STORE_*} variables and {@code --apps-store-*} flags. With {@code type: config}
 * (the default) the apps stay in the configuration file. Listed in {@code META-INF/services}.
 */
public final class AppStoreProvider implements ServerExtensionProvider {

    @Override
    public String name() {
        return AppStoreSettings.BLOCK;
    }

    @Override
    public List<Setting> settings() {
        return AppStoreSettings.SETTINGS;
    }

    @Override
    public void validate(JsonNode settings) {
        AppStoreSettings.bind(settings);
    }

    @Override
    public Optional<AppSource> appSource(ServerOptions options, JsonNode settings) {
        AppStoreOptions store = AppStoreSettings.bind(settings);
        return store.inDatabase() ? Optional.of(DatabaseAppSource.open(store, options.apps())) : Optional.empty();
    }

    @Override
    public ServerExtension start(ServerOptions options, JsonNode settings) {
        return new ServerExtension() {
            @Override
            public List<HttpService> httpServices() {
                return List.of();
            }

            @Override
            public List<String> summary() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
