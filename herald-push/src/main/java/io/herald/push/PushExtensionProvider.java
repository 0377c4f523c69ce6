package io.herald.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import io.herald.server.extension.ServerExtension;
import io.herald.server.extension.ServerExtensionProvider;
import io.herald.server.transport.HttpService;
import java.util.List;

/**
 * Plugs push notifications into {@code herald server} when herald-push is on the classpath: the
 * {@code push:} block of the configuration, its {@code HERALD_PUSH_*} variables and {@code --push-*}
 * flags. Listed in {@code META-INF/services}.
 */
public final class PushExtensionProvider implements ServerExtensionProvider {

    @Override
    public String name() {
        return PushSettings.BLOCK;
    }

    @Override
    public List<Setting> settings() {
        return PushSettings.SETTINGS;
    }

    @Override
    public void validate(JsonNode settings) {
        PushSettings.bind(settings);
    }

    @Override
    public ServerExtension start(ServerOptions options, JsonNode settings) {
        PushOptions push = PushSettings.bind(settings);
        return push.enabled() ? PushExtension.start(push) : new Disabled();
    }

    /** {@code push.enabled: false}: nothing served, nothing opened. */
    private static final class Disabled implements ServerExtension {
        @Override
        public List<HttpService> httpServices() {
            return List.of();
        }

        @Override
        public List<String> summary() {
            return List.of("Push notifications: off (push.enabled is false).");
        }

        @Override
        public void close() {
        }
    }
}
