package io.herald.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Events taken from a {@link WebhookQueue} to be sent in one request.
 *
 * @param events at least one, oldest first
 * @param durable whether the events outlive this node (another node delivers them if this one stops)
 * @param done forgets the events once delivered or given up; call it once
 */
public record WebhookBatch(List<QueuedWebhook> events, boolean durable, Runnable done) {

    public WebhookBatch {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a webhook batch holds at least one event");
        }
        events = List.copyOf(events);
    }

    /**
     * The batch's id, sent as {@code X-Herald-Webhook-Id}: a digest of its events' ids, so a retry, or a
     * redelivery of the same events by another node, carries the same id.
     */
    public String id() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (QueuedWebhook event : events) {
                digest.update(event.id().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** When the oldest event was queued (wall clock, ms). */
    public long oldestMillis() {
        return events.get(0).queuedAtMillis();
    }
}
