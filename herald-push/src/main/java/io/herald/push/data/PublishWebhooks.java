package io.herald.push.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.InstanceWebhook;
import io.herald.push.PushInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a publish's end sets off: the FINISHED post of its {@code webhookUrl} (Beams' publish webhooks,
 * the format Beams calls deprecated and its SDKs still send; STARTED is posted when it is stored),
 * and for a tracked publish to users ({@link PublishUsers}) the {@code v1.PublishToUsersAttempt} event
 * of its instance's webhooks. Each post is queued in the transaction that decides it ({@link WebhookOutbox}).
 *
 * <p>A publish finishes once, across nodes: the callers check that it is fully expanded with no
 * delivery left after their own update of the publish's row, holding that row's lock, and the
 * update that sets {@code finished_at} matches only once. Of two transactions settling a publish's
 * last deliveries, the second waits for the first to commit and then sees its deliveries gone (each
 * statement reads what was committed before it started), so one of them, and only one, finishes it.
 */
public final class PublishWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PushInstance> instances = new HashMap<>();

    /** @param instances the configured instances, whose webhooks get their events */
    public PublishWebhooks(List<PushInstance> instances) {
        instances.forEach(i -> this.instances.put(i.id(), i));
    }

    /** Queues the STARTED post of a publish just stored, if it has a webhook URL. */
    static void started(Connection c, String instanceId, String publishId, String request, String webhookUrl, long now)
            throws SQLException {
        if (webhookUrl != null) {
            WebhookOutbox.enqueue(c, instanceId, publishId, webhookUrl, null,
                    body(publishId, "STARTED", request).toString(), now);
        }
    }

    /**
     * Marks the publish finished if it is (expanded, nothing queued, not marked yet, something to post)
     * and queues its posts. Call it holding the publish row's lock (after updating the row).
     */
    void finishIfDone(Connection c, String instanceId, String publishId, long now) throws SQLException {
        // Cheapest first: most publishes have nothing to post, and are done with after a key lookup.
        if (!Sql.exists(c, "SELECT 1 FROM push_publishes WHERE instance_id = ? AND id = ? AND finished_at IS NULL "
                + "AND expand_due_at IS NULL AND (webhook_url IS NOT NULL OR track_users)", instanceId, publishId)
                || Sql.exists(c, "SELECT 1 FROM push_deliveries WHERE instance_id = ? AND publish_id = ?",
                instanceId, publishId)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE push_publishes SET finished_at = ? WHERE instance_id = ? AND id = ? AND finished_at IS NULL")) {
            s.setLong(1, now);
            s.setString(2, instanceId);
            s.setString(3, publishId);
            if (s.executeUpdate() != 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT webhook_url, request, web_payload, sent, failed, removed, "
                + "track_users, audience_targets FROM push_publishes WHERE instance_id = ? AND id = ?")) {
            s.setString(1, instanceId);
            s.setString(2, publishId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getString(1) != null) {
                    WebhookOutbox.enqueue(c, instanceId, publishId, r.getString(1), null,
                            finished(publishId, r.getString(2), r.getString(3) != null, r.getInt(4),
                                    r.getInt(5) + r.getInt(6)).toString(), now); // failed, and devices gone
                }
                if (r.getBoolean(7)) {
                    ObjectNode attempt = PublishUsers.attempt(c, instanceId, publishId,
                            PublishExpansion.targets(r.getString(8)));
                    PushInstance instance = instances.get(instanceId);
                    if (instance != null) { // else no longer configured
                        InstanceEvents.queue(c, instance, InstanceWebhook.PUBLISH_TO_USERS_ATTEMPT, publishId, attempt, now);
                    }
                }
            }
        }
    }

    private static ObjectNode finished(String publishId, String request, boolean web, int sent, int failed) {
        ObjectNode body = body(publishId, "FINISHED", request);
        ObjectNode results = body.putObject("results");
        if (web) {
            results.putObject("web").put("numSuccessfulPublishes", sent).put("numFailedPublishes", failed);
        }
        JsonNode requestBody = body.get("requestBody");
        for (String platform : new String[] {"fcm", "apns"}) {
            if (requestBody.hasNonNull(platform)) {
                results.putObject(platform).put("failed", true); // stored, not delivered
            }
        }
        return body;
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
