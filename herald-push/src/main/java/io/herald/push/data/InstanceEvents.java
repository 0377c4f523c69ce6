package io.herald.push.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.InstanceWebhook;
import io.herald.push.PushInstance;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An instance's events, queued as posts to each of its webhooks that wants them, in Beams' webhook
 * format: the body wraps the event's payload with {@code metadata} and the webhook's
 * {@code custom_data}; the headers name the event and the webhook, carry an id that stays the same
 * across retries, and sign the body (hex HMAC-SHA1 with the webhook's secret). The secret stays in
 * the configuration: the outbox keeps the signature.
 */
final class InstanceEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Beams' form: {@code 2019-03-11T10:42:16+0000}. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);

    private InstanceEvents() {
    }

    /** Queues {@code payload} as an event of {@code eventType} for each webhook of {@code instance} that wants it. */
    static void queue(Connection c, PushInstance instance, String eventType, String publishId, ObjectNode payload, long now)
            throws SQLException {
        for (InstanceWebhook webhook : instance.webhooks()) {
            if (!webhook.wants(eventType)) {
                continue;
            }
            String requestId = UUID.randomUUID().toString();
            ObjectNode body = JSON.createObjectNode();
            body.set("payload", payload);
            body.putObject("metadata")
                    .put("created_at", CREATED_AT.format(Instant.ofEpochMilli(now)))
                    .put("event_type", eventType)
                    .put("event_id", requestId)
                    .put("product", "beams");
            body.set("custom_data", webhook.customData());
            String text = body.toString();
            ObjectNode headers = JSON.createObjectNode()
                    .put("Webhook-Event-Type", eventType)
                    .put("Webhook-ID-UUID", webhook.id().toString())
                    .put("Webhook-Request-ID-UUID", requestId)
                    .put("Webhook-Signature", signature(text, webhook.secret()));
            WebhookOutbox.enqueue(c, instance.id(), publishId, webhook.url(), headers.toString(), text, now);
        }
    }

    static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
