package io.herald.push.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The publish webhooks of a publish with a {@code webhookUrl} (Beams' format, which it calls
 * deprecated and its SDKs still send): {@code STARTED} when the publish is stored, {@code FINISHED}
 * with its counts once its last delivery is settled. Each is queued in the transaction that decides
 * it ({@link WebhookOutbox}).
 *
 * <p>{@code FINISHED} is decided once per publish, across nodes: the update that sets
 * {@code finished_at} matches only a fully expanded publish with no delivery left, and the callers
 * run it after their own update of the publish's row, holding that row's lock. Of two transactions
 * settling a publish's last deliveries, the second waits for the first to commit and then sees its
 * deliveries gone (each statement reads what was committed before it started), so one of them, and
 * only one, finishes the publish.
 */
final class PublishWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishWebhooks() {
    }

    /** Queues the STARTED post of a publish just stored, if it has a webhook URL. */
    static void started(Connection c, String instanceId, String publishId, String request, String webhookUrl, long now)
            throws SQLException {
        if (webhookUrl != null) {
            WebhookOutbox.enqueue(c, instanceId, publishId, webhookUrl, body(publishId, "STARTED", request).toString(), now);
        }
    }

    /**
     * Marks the publish finished if it is (expanded, nothing queued, not marked yet, with a webhook URL)
     * and queues its FINISHED post. Call it holding the publish row's lock (after updating the row).
     */
    static void finishIfDone(Connection c, String instanceId, String publishId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE push_publishes SET finished_at = ? WHERE instance_id = ? "
                + "AND id = ? AND webhook_url IS NOT NULL AND finished_at IS NULL AND expand_due_at IS NULL "
                + "AND NOT EXISTS (SELECT 1 FROM push_deliveries q WHERE q.instance_id = ? AND q.publish_id = ?)")) {
            s.setLong(1, now);
            s.setString(2, instanceId);
            s.setString(3, publishId);
            s.setString(4, instanceId);
            s.setString(5, publishId);
            if (s.executeUpdate() != 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT webhook_url, request, web_payload, sent, failed, removed "
                + "FROM push_publishes WHERE instance_id = ? AND id = ?")) {
            s.setString(1, instanceId);
            s.setString(2, publishId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                ObjectNode body = body(publishId, "FINISHED", r.getString(2));
                ObjectNode results = body.putObject("results");
                if (r.getString(3) != null) {
                    results.putObject("web")
                            .put("numSuccessfulPublishes", r.getInt(4))
                            .put("numFailedPublishes", r.getInt(5) + r.getInt(6)); // failed, and devices gone
                }
                JsonNode request = body.get("requestBody");
                for (String platform : new String[] {"fcm", "apns"}) {
                    if (request.hasNonNull(platform)) {
                        results.putObject(platform).put("failed", true); // stored, not delivered
                    }
                }
                WebhookOutbox.enqueue(c, instanceId, publishId, r.getString(1), body.toString(), now);
            }
        }
    }

    private static ObjectNode body(String publishId, String status, String request) {
        ObjectNode body = JSON.createObjectNode().put("publishId", publishId).put("status", status);
        try {
            body.set("requestBody", JSON.readTree(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored publish request is not JSON", e); // it was parsed before storing
        }
        return body;
    }
}
