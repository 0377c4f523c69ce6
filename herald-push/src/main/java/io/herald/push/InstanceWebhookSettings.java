package io.herald.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads an instance's {@code webhooks:} list into {@link InstanceWebhook}s; every error names its field. */
final class InstanceWebhookSettings {

    private static final Set<String> FIELDS = Set.of("url", "secret", "events", "custom-data", "id");
    /** Each webhook is posted to for every event it wants: keep their number small. */
    static final int MAX_WEBHOOKS = 10;

    private InstanceWebhookSettings() {
    }

    /** @param at the list's field, e.g. {@code push.instances[0].webhooks} */
    static List<InstanceWebhook> read(JsonNode list, String at, String instanceId) {
        List<InstanceWebhook> webhooks = new ArrayList<>();
        if (list == null || list.isNull()) {
            return webhooks;
        }
        if (!list.isArray() || list.size() > MAX_WEBHOOKS) {
            throw ConfigException.field(at, "must be a list of at most " + MAX_WEBHOOKS + " webhooks ({url, secret, events})");
        }
        for (int i = 0; i < list.size(); i++) {
            webhooks.add(webhook(list.get(i), at + "[" + i + "]", instanceId));
        }
        return webhooks;
    }

    private static InstanceWebhook webhook(JsonNode node, String at, String instanceId) {
        ConfigFields f = new ConfigFields(node, at, FIELDS);
        String url = f.requiredText("url");
        if (!WebhookUrls.isValid(url)) {
            throw ConfigException.field(f.name("url"), "must be an absolute http or https URL of at most "
                    + WebhookUrls.MAX_LENGTH + " characters");
        }
        String secret = f.requiredText("secret");
        UUID id = f.text("id").map(text -> uuid(text, f.name("id"))).orElse(InstanceWebhook.defaultId(instanceId, url));
        JsonNode customData = node.get("custom-data");
        if (customData != null && !customData.isNull() && !customData.isObject()) {
            throw ConfigException.field(f.name("custom-data"), "must be an object");
        }
        return new InstanceWebhook(id, url, secret, events(node.get("events"), f.name("events")),
                customData instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode());
    }

    private static Set<String> events(JsonNode list, String field) {
        if (list == null || list.isNull()) {
            return Set.copyOf(InstanceWebhook.EVENTS);
        }
        Set<String> events = new LinkedHashSet<>();
        if (list.isArray()) {
            list.forEach(e -> events.add(e.asText()));
        }
        if (events.isEmpty() || !InstanceWebhook.EVENTS.containsAll(events)) {
            throw ConfigException.field(field, "must be a list of some of " + InstanceWebhook.EVENTS + ", was " + list);
        }
        return events;
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ConfigException.field(field, "must be a UUID, was \"" + text + "\"");
        }
    }
}
