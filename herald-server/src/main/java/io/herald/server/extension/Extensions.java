package io.herald.server.extension;

import io.herald.server.config.Setting;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link ServerExtensionProvider}s on the classpath, looked up once. */
public final class Extensions {

    private static final List<ServerExtensionProvider> PROVIDERS = ServiceLoader.load(ServerExtensionProvider.class)
            .stream().map(ServiceLoader.Provider::get).toList();

    private Extensions() {
    }

    public static List<ServerExtensionProvider> providers() {
        return PROVIDERS;
    }

    /** The settings every provider declares, after the server's own. */
    public static List<Setting> settings() {
        return PROVIDERS.stream().flatMap(p -> p.settings().stream()).toList();
    }
}
