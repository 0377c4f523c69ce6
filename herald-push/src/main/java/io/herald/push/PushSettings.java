package io.herald.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.Durations;
import io.herald.server.app.AllowedOrigins;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigFields;
import io.herald.server.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code push:} block into {@link PushOptions}; every error names its field
 * ({@code push.instances[0].secret: is required}). {@code instance-id} and {@code instance-secret}
 * override the first instance, as {@code HERALD_APP_*} does for the first app.
 */
final class PushSettings {

    static final String BLOCK = "push";
    /** Instance ids go into URLs and token issuers: keep them to plain characters. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_\\-.]{1,100}");
    private static final Set<String> FIELDS = Set.of("enabled", "data-dir", "store-url", "store-pool-size",
            "instances", "instance-id", "instance-secret", "allowed-origins", "endpoint-hosts", "vapid-subject", "token-leeway",
            "max-devices-per-user", "max-interests-per-device", "max-devices", "publish-retention", "delivery-concurrency", "claim-batch-size",
            "max-attempts", "retry-backoff", "request-timeout", "poll-interval", "pending-requests", "webhook-retry-delays");
    private static final Set<String> INSTANCE_FIELDS = Set.of("id", "secret", "webhooks");

    static final List<Setting> SETTINGS = List.of(
            new Setting(BLOCK, "enabled", "whether herald server serves push notifications (default true)"),
            new Setting(BLOCK, "data-dir", "directory of the embedded push store (default ./data)"),
            new Setting(BLOCK, "store-url", "PostgreSQL JDBC URL of the push store, for several nodes (default: the embedded store)"),
            new Setting(BLOCK, "instance-id", "the first push instance's id (default instance-id)"),
            new Setting(BLOCK, "instance-secret", "the first push instance's secret key (default instance-secret)"),
            new Setting(BLOCK, "allowed-origins", "comma-separated browser origins allowed to call the device API, * for any (default *)"),
            new Setting(BLOCK, "endpoint-hosts", "comma-separated push service hosts devices' endpoints may name: host, "
                    + "*.suffix, http://host for plain http, * for any (default: the browsers' push services, https)"),
            new Setting(BLOCK, "vapid-subject", "VAPID contact sent to push services, mailto: or https: (default mailto:admin@example.com)"),
            new Setting(BLOCK, "max-devices", "devices one instance may have; registrations past it get 422 (default 1000000)"),
            new Setting(BLOCK, "publish-retention", "how long a finished publish's status and reports are kept (default 7d)"),
            new Setting(BLOCK, "delivery-concurrency", "Web Push requests in flight at once per node (default 64)"),
            new Setting(BLOCK, "webhook-retry-delays", "comma-separated waits before each retry of a webhook post "
                    + "(default 10s,30s,2m,5m, as Beams; empty for no retry)"));

    private PushSettings() {
    }

    static PushOptions bind(JsonNode block) {
        ConfigFields f = new ConfigFields(block, BLOCK, FIELDS);
        List<PushInstance> instances = instances(block.get("instances"));
        PushInstance first = instances.get(0);
        String firstId = f.text("instance-id").orElse(first.id());
        String firstSecret = f.text("instance-secret").orElse(first.secret());
        instances.set(0, instance(firstId, firstSecret, first.webhooks(), BLOCK + ".instance-id"));
        String vapidSubject = f.text("vapid-subject").orElse(PushOptions.DEFAULT_VAPID_SUBJECT);
        if (!vapidSubject.startsWith("mailto:") && !vapidSubject.startsWith("https://")) {
            throw ConfigException.field(f.name("vapid-subject"), "must be a mailto: or https: contact, was \""
                    + vapidSubject + "\"");
        }
        try {
            return new PushOptions(
                    f.bool("enabled").orElse(true),
                    Path.of(f.text("data-dir").orElse(PushOptions.DEFAULT_DATA_DIRECTORY)),
                    storeUrl(f),
                    // Two at least: the migrations at open hold two connections at once.
                    f.integer("store-pool-size", 2, 1_000).orElse(PushOptions.DEFAULT_STORE_POOL_SIZE),
                    instances,
                    origins(block.get("allowed-origins"), f.name("allowed-origins")),
                    endpointHosts(block.get("endpoint-hosts"), f.name("endpoint-hosts")),
                    vapidSubject,
                    f.duration("token-leeway", true).orElse(PushOptions.DEFAULT_TOKEN_LEEWAY),
                    f.positive("max-devices-per-user").orElse(PushOptions.DEFAULT_MAX_DEVICES_PER_USER),
                    f.integer("max-interests-per-device", 1, PushOptions.DEFAULT_MAX_INTERESTS_PER_DEVICE)
                            .orElse(PushOptions.DEFAULT_MAX_INTERESTS_PER_DEVICE),
                    f.positive("max-devices").orElse(PushOptions.DEFAULT_MAX_DEVICES),
                    f.integer("delivery-concurrency", 1, 10_000).orElse(PushOptions.DEFAULT_DELIVERY_CONCURRENCY),
                    f.integer("claim-batch-size", 1, 10_000).orElse(PushOptions.DEFAULT_CLAIM_BATCH_SIZE),
                    f.integer("max-attempts", 1, 100).orElse(PushOptions.DEFAULT_MAX_ATTEMPTS),
                    f.duration("retry-backoff", false).orElse(PushOptions.DEFAULT_RETRY_BACKOFF),
                    f.duration("request-timeout", false).orElse(PushOptions.DEFAULT_REQUEST_TIMEOUT),
                    f.duration("poll-interval", false).orElse(PushOptions.DEFAULT_POLL_INTERVAL),
                    f.positive("pending-requests").orElse(PushOptions.DEFAULT_PENDING_REQUESTS),
                    f.duration("publish-retention", false).orElse(PushOptions.DEFAULT_PUBLISH_RETENTION),
                    durations(block.get("webhook-retry-delays"), f.name("webhook-retry-delays")));
        } catch (IllegalArgumentException e) {
            throw ConfigException.field(BLOCK + ".instances", e.getMessage());
        }
    }

    private static String storeUrl(ConfigFields f) {
        String url = f.text("store-url").orElse(null);
        if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw ConfigException.field(f.name("store-url"),
                    "must be a jdbc:postgresql://host:port/database?user=… URL, was \"" + url + "\"");
        }
        return url;
    }

    private static List<PushInstance> instances(JsonNode list) {
        List<PushInstance> result = new ArrayList<>();
        if (list == null || list.isNull()) {
            result.add(PushOptions.DEFAULT_INSTANCE);
            return result;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw ConfigException.field(BLOCK + ".instances", "must be a list of instances ({id, secret})");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = BLOCK + ".instances[" + i + "]";
            ConfigFields f = new ConfigFields(list.get(i), at, INSTANCE_FIELDS);
            String id = f.requiredText("id");
            result.add(instance(id, f.requiredText("secret"),
                    InstanceWebhookSettings.read(list.get(i).get("webhooks"), at + ".webhooks", id), at + ".id"));
        }
        return result;
    }

    private static PushInstance instance(String id, String secret, List<InstanceWebhook> webhooks, String field) {
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw ConfigException.field(field, "must be 1-100 letters, digits, '_', '-' or '.', was \"" + id + "\"");
        }
        return new PushInstance(id, secret, webhooks);
    }

    /** Positive durations: a YAML list, or one comma-separated string (as an environment variable gives it). */
    private static List<Duration> durations(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return PushOptions.DEFAULT_WEBHOOK_RETRY_DELAYS;
        }
        List<Duration> delays = new ArrayList<>();
        for (String entry : entries(node, field)) {
            try {
                Duration delay = Durations.parse(entry);
                if (!delay.isNegative() && !delay.isZero()) {
                    delays.add(delay);
                    continue;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw ConfigException.field(field, "must be positive durations (" + Durations.GRAMMAR + "), was \"" + entry + "\"");
        }
        if (delays.size() > 20) {
            throw ConfigException.field(field, "at most 20 retries");
        }
        return delays;
    }

    /** The non-blank entries of a YAML list, or of one comma-separated string (as an environment variable gives it). */
    private static List<String> entries(JsonNode node, String field) {
        List<String> entries = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(entry -> entries.add(entry.asText()));
        } else if (node.isValueNode()) {
            entries.addAll(List.of(node.asText().split(",")));
        } else {
            throw ConfigException.field(field, "must be a list, or one comma-separated string");
        }
        entries.replaceAll(String::trim);
        entries.removeIf(String::isEmpty);
        return entries;
    }

    private static EndpointHosts endpointHosts(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return PushOptions.DEFAULT_ENDPOINT_HOSTS;
        }
        List<String> entries = entries(node, field);
        try {
            return EndpointHosts.of(entries);
        } catch (IllegalArgumentException e) {
            throw ConfigException.field(field, e.getMessage());
        }
    }

    /** A YAML list, or one comma-separated string (as an environment variable gives it). */
    private static List<String> origins(JsonNode node, String field) {
        return node == null || node.isNull() ? PushOptions.DEFAULT_ALLOWED_ORIGINS
                : AllowedOrigins.parse(node, field).origins();
    }
}
