package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Limits;
import io.herald.server.app.AllowedOrigins;
import io.herald.server.app.App;
import io.herald.server.app.StaticAppStore;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import io.herald.server.cluster.AdapterFactory;
import io.herald.server.cluster.Adapters;
import io.herald.server.extension.Extensions;
import io.herald.server.extension.ServerExtensionProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the merged configuration tree into {@link ServerOptions}. Every error names the field
 * ({@code apps[1].limits.max-presence-members: must be a positive whole number, was "x"}); unknown
 * fields are errors too, so a typo never goes unnoticed.
 */
final class OptionsBinder {

    /** Top-level fields only YAML can give (lists, mappings), beside the {@link Setting#ALL top-level settings}. */
    private static final Set<String> YAML_ONLY = Set.of("apps");
    private static final Set<String> APP_FIELDS = Set.of("id", "key", "secret", "enabled", "max-connections",
            "client-events", "limits", "webhooks", "subscription-counts", "authorized-connections-timeout",
            "api-requests-per-second", "allowed-origins");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "events", "channel-prefix");
    private static final Set<String> LIMIT_FIELDS = Set.of("max-event-payload", "max-channels-per-trigger",
            "max-events-per-batch", "max-presence-members", "max-user-info", "max-user-id-length",
            "max-channel-name-length", "max-event-name-length", "client-events-per-second",
            "max-channels-per-connection", "max-channels");

    private OptionsBinder() {
    }

    static ServerOptions bind(JsonNode tree) {
        ConfigFields f = new ConfigFields(tree, "", topLevelFields());
        ServerOptions.Builder b = ServerOptions.builder();
        bindExtensions(tree, b);
        for (Setting setting : Setting.ALL) {
            if (setting.binding() != null) {
                setting.binding().apply(f, b);
            }
        }
        // settings checked together or read by their adapter, and those without a default (off)
        bindTls(f, b);
        checkDrain(b);
        checkRetryBackoff(b);
        bindAdapter(tree, f, b);
        f.integer("metrics-port", 0, 65535).ifPresent(b::metricsPort);
        bindAdmin(f, b);
        JsonNode apps = tree.get("apps");
        if (apps != null && !apps.isNull()) {
            b.apps(bindApps(apps));
        }
        try {
            List<App> list = b.build().apps();
            new StaticAppStore(list); // duplicate ids or keys
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("apps: " + e.getMessage(), e);
        }
    }

    /** Each extension checks its own block; the server keeps it as read. */
    private static void bindExtensions(JsonNode tree, ServerOptions.Builder b) {
        for (ServerExtensionProvider provider : Extensions.providers()) {
            JsonNode block = tree.get(provider.name());
            if (block == null || block.isNull()) {
                block = JsonNodeFactory.instance.objectNode();
            } else if (!block.isObject()) {
                throw ConfigException.field(provider.name(), "must be a mapping of settings");
            }
            provider.validate(block);
            b.extension(provider.name(), block);
        }
    }

    /** The server's settings, the adapters' and the extensions' blocks: anything else is a typo. */
    private static Set<String> topLevelFields() {
        Set<String> known = new HashSet<>(YAML_ONLY);
        Stream.concat(Setting.ALL.stream(), Adapters.settings().stream())
                .filter(s -> s.parent().isEmpty()).forEach(s -> known.add(s.field()));
        Extensions.providers().forEach(p -> known.add(p.name()));
        return known;
    }

    /** Each adapter on the classpath checks its own fields; the selected one's are kept as read. */
    private static void bindAdapter(JsonNode tree, ConfigFields f, ServerOptions.Builder b) {
        String adapter = Adapters.named(f.text("adapter").orElse(ServerOptions.DEFAULT_ADAPTER)).name();
        for (AdapterFactory factory : Adapters.factories()) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            for (Setting setting : factory.settings()) {
                JsonNode value = tree.get(setting.field());
                if (value != null) {
                    fields.set(setting.field(), value);
                }
            }
            boolean selected = factory.name().equals(adapter);
            factory.validate(fields, selected);
            if (selected) {
                b.adapter(adapter).adapterSettings(fields);
            }
        }
    }

    private static void bindAdmin(ConfigFields f, ServerOptions.Builder b) {
        Optional<String> token = f.text("admin-token");
        if (token.isPresent() && token.get().length() < ServerOptions.MIN_ADMIN_TOKEN_LENGTH) {
            throw ConfigException.field("admin-token", "must be at least " + ServerOptions.MIN_ADMIN_TOKEN_LENGTH
                    + " characters (it guards every app's secrets)");
        }
        Optional<Integer> port = f.integer("admin-port", 0, 65535);
        if (port.isPresent() && token.isEmpty()) {
            throw ConfigException.field("admin-port", "serves the admin API, which is off without admin-token: set admin-token too");
        }
        if (port.isPresent() && port.get() != 0 && port.get() == b.port()) {
            throw ConfigException.field("admin-port", "must differ from port (" + b.port() + "); leave it unset to share the main port");
        }
        token.ifPresent(b::adminToken);
        port.ifPresent(b::adminPort);
    }

    private static void bindTls(ConfigFields f, ServerOptions.Builder b) {
        Optional<String> cert = f.text("tls-cert");
        Optional<String> key = f.text("tls-key");
        if (cert.isPresent() != key.isPresent()) {
            String missing = cert.isPresent() ? "tls-key" : "tls-cert";
            throw ConfigException.field(missing, "is required with " + (cert.isPresent() ? "tls-cert" : "tls-key")
                    + " (TLS needs the certificate chain and its private key)");
        }
        cert.ifPresent(c -> b.tls(Path.of(c), Path.of(key.get())));
        Optional<Integer> plainPort = f.integer("plain-port", 0, 65535);
        if (plainPort.isPresent() && cert.isEmpty()) {
            throw ConfigException.field("plain-port", "is a plain-HTTP port beside the TLS port: set tls-cert and tls-key"
                    + " too (without them port is plain already)");
        }
        if (plainPort.isPresent() && plainPort.get() != 0 && plainPort.get() == b.port()) {
            throw ConfigException.field("plain-port", "must differ from port (" + b.port() + ")");
        }
        plainPort.ifPresent(b::plainPort);
    }

    private static void checkDrain(ServerOptions.Builder b) {
        Duration period = b.drainPeriod();
        Duration window = b.drainWindow();
        if (period.plus(window).compareTo(b.shutdownTimeout()) >= 0) {
            throw ConfigException.field("drain-period", "plus drain-window (" + period + " + " + window
                    + ") must be shorter than shutdown-timeout (" + b.shutdownTimeout() + "), which also covers flushing webhooks");
        }
    }

    private static void checkRetryBackoff(ServerOptions.Builder b) {
        if (b.webhookRetryMaxBackoff().compareTo(b.webhookRetryBackoff()) < 0) {
            throw ConfigException.field("webhook-retry-max-backoff", "must not be shorter than webhook-retry-backoff ("
                    + b.webhookRetryBackoff() + "), was " + b.webhookRetryMaxBackoff());
        }
    }

    private static List<App> bindApps(JsonNode apps) {
        if (!apps.isArray()) {
            throw ConfigException.field("apps", "must be a list of apps");
        }
        if (apps.isEmpty()) {
            throw ConfigException.field("apps", "lists no app; remove it to run with the default app, or add one");
        }
        List<App> result = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            result.add(bindApp(apps.get(i), "apps[" + i + "]"));
        }
        return result;
    }

    static App bindApp(JsonNode node, String path) {
        ConfigFields f = new ConfigFields(node, path, APP_FIELDS);
        App.Builder app = App.builder(f.requiredText("id"), f.requiredText("key"), f.requiredText("secret"));
        f.bool("enabled").ifPresent(app::enabled);
        f.integer("max-connections", 0, Integer.MAX_VALUE).ifPresent(app::maxConnections);
        f.bool("client-events").ifPresent(app::clientEvents);
        f.bool("subscription-counts").ifPresent(app::subscriptionCounts);
        f.duration("authorized-connections-timeout", true).ifPresent(app::authorizedConnectionsTimeout);
        f.integer("api-requests-per-second", 0, Integer.MAX_VALUE).ifPresent(app::apiRequestsPerSecond);
        app.allowedOrigins(AllowedOrigins.parse(node.get("allowed-origins"), f.name("allowed-origins")));
        JsonNode webhooks = node.get("webhooks");
        if (webhooks != null && !webhooks.isNull()) {
            app.webhooks(bindWebhooks(webhooks, path + ".webhooks"));
        }
        JsonNode limits = node.get("limits");
        if (limits != null && !limits.isNull()) {
            app.limits(bindLimits(limits, path + ".limits"));
        }
        return app.build();
    }

    private static List<WebhookEndpoint> bindWebhooks(JsonNode list, String path) {
        if (!list.isArray()) {
            throw ConfigException.field(path, "must be a list of endpoints ({url, events, channel-prefix})");
        }
        List<WebhookEndpoint> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            ConfigFields f = new ConfigFields(list.get(i), at, WEBHOOK_FIELDS);
            String url = f.requiredText("url");
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw ConfigException.field(at + ".url", "is not a URL: " + e.getMessage());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ConfigException.field(at + ".url", "must be an http(s) URL with a host, was \"" + url + "\"");
            }
            result.add(new WebhookEndpoint(uri, types(list.get(i).get("events"), at + ".events"),
                    f.text("channel-prefix").orElse(null)));
        }
        return result;
    }

    private static Set<WebhookType> types(JsonNode events, String path) {
        String known = Arrays.stream(WebhookType.values()).map(WebhookType::wireName).collect(Collectors.joining(", "));
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ConfigException.field(path, "must list at least one event type (" + known + ")");
        }
        Set<WebhookType> types = EnumSet.noneOf(WebhookType.class);
        for (JsonNode event : events) {
            WebhookType type = event.isTextual() ? WebhookType.fromWireName(event.asText()) : null;
            if (type == null) {
                throw ConfigException.field(path, "unknown event type \"" + event.asText() + "\" (known: " + known + ")");
            }
            types.add(type);
        }
        return types;
    }

    private static Limits bindLimits(JsonNode node, String path) {
        ConfigFields f = new ConfigFields(node, path, LIMIT_FIELDS);
        Limits d = Limits.DEFAULT;
        return new Limits(
                f.positive("max-event-payload").orElse(d.maxEventPayloadBytes()),
                f.positive("max-channels-per-trigger").orElse(d.maxChannelsPerTrigger()),
                f.positive("max-events-per-batch").orElse(d.maxEventsPerBatch()),
                f.positive("max-presence-members").orElse(d.maxPresenceMembers()),
                f.positive("max-user-info").orElse(d.maxUserInfoBytes()),
                f.positive("max-user-id-length").orElse(d.maxUserIdLength()),
                f.positive("max-channel-name-length").orElse(d.maxChannelNameLength()),
                f.positive("max-event-name-length").orElse(d.maxEventNameLength()),
                f.positive("client-events-per-second").orElse(d.clientEventsPerSecond()),
                f.positive("max-channels-per-connection").orElse(d.maxChannelsPerConnection()),
                f.positive("max-channels").orElse(d.maxChannels()));
    }
}
