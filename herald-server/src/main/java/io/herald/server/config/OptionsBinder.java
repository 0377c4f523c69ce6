package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.Limits;
import io.herald.server.app.App;
import io.herald.server.app.StaticAppStore;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import io.herald.server.extension.Extensions;
import io.herald.server.extension.ServerExtensionProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the merged configuration tree into {@link ServerOptions}. Every error names the field
 * ({@code apps[1].limits.max-presence-members: must be a positive whole number, was "x"}); unknown
 * fields are errors too, so a typo never goes unnoticed.
 */
final class OptionsBinder {

    private static final Set<String> SERVER_FIELDS = Set.of("host", "port", "activity-timeout", "pong-timeout",
            "max-frame-size", "max-request-size", "outbound-buffer-limit", "shutdown-timeout", "cache-ttl",
            "webhook-batch-window", "webhook-batch-max-size", "webhook-queue-capacity", "webhook-request-timeout",
            "webhook-retry-backoff", "webhook-retry-max-backoff", "webhook-retry-horizon", "webhook-grace", "subscription-count-interval", "adapter",
            "redis-url", "redis-key-prefix", "node-timeout", "apps",
            // HTTP requests and sockets
            "request-timeout", "max-pipelined-requests", "request-buffer-limit", "max-connections-per-ip",
            // operations
            "metrics-port", "log-format");
    private static final Set<String> ADAPTERS = Set.of("local", "redis");
    private static final Set<String> REDIS_SCHEMES = Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel",
            "redis-socket", "redis-cluster", "rediss-cluster");
    private static final Set<String> APP_FIELDS = Set.of("id", "key", "secret", "enabled", "max-connections",
            "client-events", "limits", "webhooks", "subscription-counts", "authorized-connections-timeout",
            "api-requests-per-second");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "events", "channel-prefix");
    private static final Set<String> LIMIT_FIELDS = Set.of("max-event-payload", "max-channels-per-trigger",
            "max-events-per-batch", "max-presence-members", "max-user-info", "max-user-id-length",
            "max-channel-name-length", "max-event-name-length", "client-events-per-second",
            "max-channels-per-connection", "max-channels");

    private OptionsBinder() {
    }

    static ServerOptions bind(JsonNode tree) {
        Set<String> known = new HashSet<>(SERVER_FIELDS);
        Extensions.providers().forEach(p -> known.add(p.name()));
        ConfigFields f = new ConfigFields(tree, "", known);
        ServerOptions.Builder b = ServerOptions.builder();
        bindExtensions(tree, b);
        f.text("host").ifPresent(b::host);
        f.integer("port", 0, 65535).ifPresent(b::port);
        f.seconds("activity-timeout").ifPresent(b::activityTimeout);
        f.seconds("pong-timeout").ifPresent(b::pongTimeout);
        f.integer("max-frame-size", 1, Integer.MAX_VALUE).ifPresent(b::maxFrameSize);
        f.integer("max-request-size", 1, Integer.MAX_VALUE).ifPresent(b::maxRequestSize);
        f.integer("outbound-buffer-limit", 1, Integer.MAX_VALUE).ifPresent(b::outboundBufferLimit);
        f.seconds("shutdown-timeout").ifPresent(b::shutdownTimeout);
        f.duration("cache-ttl", false).ifPresent(b::cacheTtl);
        f.duration("webhook-batch-window", false).ifPresent(b::webhookBatchWindow);
        f.positive("webhook-batch-max-size").ifPresent(b::webhookBatchMaxSize);
        f.positive("webhook-queue-capacity").ifPresent(b::webhookQueueCapacity);
        f.duration("webhook-request-timeout", false).ifPresent(b::webhookRequestTimeout);
        Duration backoff = f.duration("webhook-retry-backoff", false).orElse(ServerOptions.DEFAULT_WEBHOOK_RETRY_BACKOFF);
        Duration maxBackoff = f.duration("webhook-retry-max-backoff", false)
                .orElse(ServerOptions.DEFAULT_WEBHOOK_RETRY_MAX_BACKOFF);
        if (maxBackoff.compareTo(backoff) < 0) {
            throw ConfigException.field("webhook-retry-max-backoff",
                    "must not be shorter than webhook-retry-backoff (" + backoff + "), was " + maxBackoff);
        }
        b.webhookRetryBackoff(backoff).webhookRetryMaxBackoff(maxBackoff);
        f.duration("webhook-retry-horizon", false).ifPresent(b::webhookRetryHorizon);
        f.duration("webhook-grace", false).ifPresent(b::webhookGrace);
        f.duration("subscription-count-interval", false).ifPresent(b::subscriptionCountInterval);
        bindCluster(f, b);
        bindHttpLimits(f, b);
        bindOperations(f, b);
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

    private static void bindCluster(ConfigFields f, ServerOptions.Builder b) {
        String adapter = f.text("adapter").orElse(ServerOptions.DEFAULT_ADAPTER);
        if (!ADAPTERS.contains(adapter)) {
            throw ConfigException.field("adapter", "must be local or redis, was \"" + adapter + "\"");
        }
        b.adapter(adapter);
        Optional<String> url = f.text("redis-url");
        if (url.isPresent()) {
            String scheme = url.get().contains("://") ? url.get().substring(0, url.get().indexOf("://")) : "";
            if (!REDIS_SCHEMES.contains(scheme)) {
                throw ConfigException.field("redis-url",
                        "must be a redis://, rediss://, redis-sentinel:// or redis-cluster:// URL, was \""
                                + url.get() + "\"");
            }
            b.redisUrl(url.get());
        } else if (!adapter.equals(ServerOptions.DEFAULT_ADAPTER)) {
            throw ConfigException.field("redis-url", "is required when adapter is " + adapter);
        }
        f.text("redis-key-prefix").ifPresent(b::redisKeyPrefix);
        f.duration("node-timeout", false).ifPresent(b::nodeTimeout);
    }

    private static void bindHttpLimits(ConfigFields f, ServerOptions.Builder b) {
        f.duration("request-timeout", false).ifPresent(b::requestTimeout);
        f.positive("max-pipelined-requests").ifPresent(b::maxPipelinedRequests);
        f.positive("request-buffer-limit").ifPresent(b::requestBufferLimit);
        f.integer("max-connections-per-ip", 0, Integer.MAX_VALUE).ifPresent(b::maxConnectionsPerIp);
    }

    private static void bindOperations(ConfigFields f, ServerOptions.Builder b) {
        f.integer("metrics-port", 0, 65535).ifPresent(b::metricsPort);
        f.text("log-format").ifPresent(format -> {
            if (!ServerOptions.LOG_FORMATS.contains(format)) {
                throw ConfigException.field("log-format", "must be one of " + ServerOptions.LOG_FORMATS + ", was \"" + format + "\"");
            }
            b.logFormat(format);
        });
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
        ConfigFields f = new ConfigFields(node, path, APP_FIELDS);
        App.Builder app = App.builder(f.requiredText("id"), f.requiredText("key"), f.requiredText("secret"));
        f.bool("enabled").ifPresent(app::enabled);
        f.integer("max-connections", 0, Integer.MAX_VALUE).ifPresent(app::maxConnections);
        f.bool("client-events").ifPresent(app::clientEvents);
        f.bool("subscription-counts").ifPresent(app::subscriptionCounts);
        f.duration("authorized-connections-timeout", true).ifPresent(app::authorizedConnectionsTimeout);
        f.integer("api-requests-per-second", 0, Integer.MAX_VALUE).ifPresent(app::apiRequestsPerSecond);
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
