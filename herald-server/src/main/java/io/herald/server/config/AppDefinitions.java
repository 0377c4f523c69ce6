package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Limits;
import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;

/**
 * An app as a JSON document with the fields of an {@code apps:} entry of the configuration
 * ({@code max-connections}, {@code limits.max-channels}, …), read with the configuration's checks so
 * a database row or an admin API request is refused exactly like a bad file, with the field named.
 */
public final class AppDefinitions {

    private AppDefinitions() {
    }

    /**
     * Reads and checks a definition.
     *
     * @param path prefixed to field names in errors ({@code ""} for none)
     * @throws ConfigException naming the field
     */
    public static App read(JsonNode definition, String path) {
        try {
            return OptionsBinder.bindApp(definition, path);
        } catch (IllegalArgumentException e) {
            throw ConfigException.field(path.isEmpty() ? "app" : path, e.getMessage());
        }
    }

    /** Every setting of the app, the secret too when {@code withSecret} (never the previous secret). */
    public static ObjectNode write(App app, boolean withSecret) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", app.id()).put("key", app.key());
        if (withSecret) {
            node.put("secret", app.secret());
        }
        node.put("enabled", app.enabled())
                .put("max-connections", app.maxConnections())
                .put("client-events", app.clientEvents())
                .put("subscription-counts", app.subscriptionCounts())
                .put("authorized-connections-timeout", app.authorizedConnectionsTimeout().toMillis() + "ms")
                .put("api-requests-per-second", app.apiRequestsPerSecond());
        ArrayNode origins = node.putArray("allowed-origins");
        app.allowedOrigins().origins().forEach(origins::add);
        Limits l = app.limits();
        node.putObject("limits")
                .put("max-event-payload", l.maxEventPayloadBytes())
                .put("max-channels-per-trigger", l.maxChannelsPerTrigger())
                .put("max-events-per-batch", l.maxEventsPerBatch())
                .put("max-presence-members", l.maxPresenceMembers())
                .put("max-user-info", l.maxUserInfoBytes())
                .put("max-user-id-length", l.maxUserIdLength())
                .put("max-channel-name-length", l.maxChannelNameLength())
                .put("max-event-name-length", l.maxEventNameLength())
                .put("client-events-per-second", l.clientEventsPerSecond())
                .put("max-channels-per-connection", l.maxChannelsPerConnection())
                .put("max-channels", l.maxChannels());
        ArrayNode webhooks = node.putArray("webhooks");
        for (WebhookEndpoint endpoint : app.webhooks()) {
            ObjectNode w = webhooks.addObject().put("url", endpoint.url().toString());
            ArrayNode events = w.putArray("events");
            endpoint.types().stream().sorted().map(WebhookType::wireName).forEach(events::add);
            if (endpoint.channelPrefix() != null) {
                w.put("channel-prefix", endpoint.channelPrefix());
            }
        }
        return node;
    }
}
