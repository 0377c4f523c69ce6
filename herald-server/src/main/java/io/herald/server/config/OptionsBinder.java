package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.Limits;
import io.herald.server.app.App;
import io.herald.server.app.StaticAppStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the merged configuration tree into {@link ServerOptions}. Every error names the field
 * ({@code apps[1].limits.max-presence-members: must be a positive whole number, was "x"}); unknown
 * fields are errors too, so a typo never goes unnoticed.
 */
final class OptionsBinder {

    private static final Set<String> SERVER_FIELDS = Set.of("host", "port", "activity-timeout", "pong-timeout",
            "max-frame-size", "max-request-size", "outbound-buffer-limit", "shutdown-timeout", "apps");
    private static final Set<String> APP_FIELDS = Set.of("id", "key", "secret", "enabled", "max-connections",
            "client-events", "limits");
    private static final Set<String> LIMIT_FIELDS = Set.of("max-event-payload", "max-channels-per-trigger",
            "max-events-per-batch", "max-presence-members", "max-user-info", "max-user-id-length",
            "max-channel-name-length", "max-event-name-length", "client-events-per-second");

    private OptionsBinder() {
    }

    static ServerOptions bind(JsonNode tree) {
        Fields f = new Fields(tree, "", SERVER_FIELDS);
        ServerOptions.Builder b = ServerOptions.builder();
        f.text("host").ifPresent(b::host);
        f.integer("port", 0, 65535).ifPresent(b::port);
        f.seconds("activity-timeout").ifPresent(b::activityTimeout);
        f.seconds("pong-timeout").ifPresent(b::pongTimeout);
        f.integer("max-frame-size", 1, Integer.MAX_VALUE).ifPresent(b::maxFrameSize);
        f.integer("max-request-size", 1, Integer.MAX_VALUE).ifPresent(b::maxRequestSize);
        f.integer("outbound-buffer-limit", 1, Integer.MAX_VALUE).ifPresent(b::outboundBufferLimit);
        f.seconds("shutdown-timeout").ifPresent(b::shutdownTimeout);
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

    private static App bindApp(JsonNode node, String path) {
        Fields f = new Fields(node, path, APP_FIELDS);
        App.Builder app = App.builder(f.requiredText("id"), f.requiredText("key"), f.requiredText("secret"));
        f.bool("enabled").ifPresent(app::enabled);
        f.integer("max-connections", 0, Integer.MAX_VALUE).ifPresent(app::maxConnections);
        f.bool("client-events").ifPresent(app::clientEvents);
        JsonNode limits = node.get("limits");
        if (limits != null && !limits.isNull()) {
            app.limits(bindLimits(limits, path + ".limits"));
        }
        return app.build();
    }

    private static Limits bindLimits(JsonNode node, String path) {
        Fields f = new Fields(node, path, LIMIT_FIELDS);
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
                f.positive("client-events-per-second").orElse(d.clientEventsPerSecond()));
    }

    /** Typed reads of one YAML object's fields, with errors that name the full path. */
    private static final class Fields {
        private final JsonNode node;
        private final String path;

        Fields(JsonNode node, String path, Set<String> known) {
            if (node == null || !node.isObject()) {
                throw ConfigException.field(path.isEmpty() ? "(top level)" : path, "must be a mapping of settings");
            }
            this.node = node;
            this.path = path;
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw ConfigException.field(name(name), "unknown setting (known: " + String.join(", ", new TreeSet<>(known)) + ")");
                }
            }
        }

        private String name(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private String scalar(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                throw ConfigException.field(name(field), "must be a single value");
            }
            return value.asText();
        }

        Optional<String> text(String field) {
            String value = scalar(field);
            if (value != null && value.isBlank()) {
                throw ConfigException.field(name(field), "must not be empty");
            }
            return Optional.ofNullable(value);
        }

        String requiredText(String field) {
            return text(field).orElseThrow(() -> ConfigException.field(name(field), "is required"));
        }

        Optional<Integer> integer(String field, int min, int max) {
            String value = scalar(field);
            if (value == null) {
                return Optional.empty();
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= min && parsed <= max) {
                    return Optional.of(parsed);
                }
            } catch (NumberFormatException ignored) {
                // reported below with the range
            }
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw ConfigException.field(name(field), "must be a whole number " + range + ", was \"" + value + "\"");
        }

        Optional<Integer> positive(String field) {
            return integer(field, 1, Integer.MAX_VALUE);
        }

        Optional<Duration> seconds(String field) {
            return integer(field, 1, Integer.MAX_VALUE).map(Duration::ofSeconds);
        }

        Optional<Boolean> bool(String field) {
            String value = scalar(field);
            if (value == null) {
                return Optional.empty();
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Optional.of(true);
                case "false", "no", "off", "0" -> Optional.of(false);
                default -> throw ConfigException.field(name(field), "must be true or false, was \"" + value + "\"");
            };
        }
    }
}
