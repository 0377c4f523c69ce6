package io.herald.push.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.InstanceWebhook;
import io.herald.push.PushInstance;
import io.herald.push.api.BeamsException;
import io.herald.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes: stored with their audience before the answer, so a publish that was answered 200 is
 * delivered even if the node dies right after ({@link PublishExpansion} queues its deliveries).
 * Blocking JDBC.
 */
public final class PublishStore {

    /** Who a publish goes to. */
    public enum Audience { INTERESTS, USERS }

    private final Store store;
    private final PublishWebhooks webhooks;

    public PublishStore(Store store, PublishWebhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    /**
     * Stores the publish with its audience ({@code targets}: interests or user ids). With a Web Push
     * payload it is marked for expansion: {@link PublishExpansion} queues one delivery per device
     * after the answer. Once this returns the publish is durable, so it will be delivered, and its
     * STARTED webhook (with {@code webhookUrl}) is queued; without a Web Push payload it is also finished.
     *
     * @param trackUsers whether to keep what became of each user ({@link PublishUsers}), for the
     *                   instance's {@code v1.PublishToUsersAttempt} webhooks
     */
    public void publish(String instanceId, String publishId, String request, String webPayload, Integer ttlSeconds,
                        Audience audience, List<String> targets, String webhookUrl, boolean trackUsers) {
        store.transaction(c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO push_publishes (instance_id, id, created_at, "
                    + "request, web_payload, ttl_seconds, audience, audience_targets, expand_cursor, expand_due_at, "
                    + "webhook_url, track_users) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)")) {
                s.setString(1, instanceId);
                s.setString(2, publishId);
                s.setLong(3, now);
                s.setString(4, request);
                s.setString(5, webPayload);
                s.setObject(6, ttlSeconds, java.sql.Types.INTEGER);
                s.setString(7, audience.name());
                s.setString(8, PublishExpansion.targetsJson(targets));
                s.setObject(9, webPayload == null ? null : now, java.sql.Types.BIGINT);
                s.setString(10, webhookUrl);
                s.setBoolean(11, trackUsers);
                s.executeUpdate();
            }
            PublishWebhooks.started(c, instanceId, publishId, request, webhookUrl, now);
            if (webPayload == null) { // nothing to deliver: finished now
                if (trackUsers) {
                    PublishUsers.undeliverable(c, instanceId, publishId, targets);
                }
                webhooks.finishIfDone(c, instanceId, publishId, now);
            }
            return null;
        });
    }

    /** The publish's outcome so far; 404 when the instance has no such publish. */
    public PublishStatus status(String instanceId, String publishId) {
        return store.transaction(c -> {
            boolean expanding;
            int targets;
            int sent;
            int failed;
            int removed;
            String request;
            try (PreparedStatement s = c.prepareStatement("SELECT targets, sent, failed, removed, request, expand_due_at "
                    + "FROM push_publishes WHERE instance_id = ? AND id = ?")) {
                s.setString(1, instanceId);
                s.setString(2, publishId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw BeamsException.notFound("Publish not found: " + publishId);
                    }
                    targets = r.getInt(1);
                    sent = r.getInt(2);
                    failed = r.getInt(3);
                    removed = r.getInt(4);
                    request = r.getString(5);
                    expanding = r.getObject(6) != null;
                }
            }
            int queued = Sql.count(c, "SELECT COUNT(*) FROM push_deliveries WHERE instance_id = ? AND publish_id = ?",
                    instanceId, publishId);
            int delivered = Sql.count(c, "SELECT COUNT(*) FROM push_report_events WHERE instance_id = ? "
                    + "AND publish_id = ? AND event = 'delivery'", instanceId, publishId);
            int opened = Sql.count(c, "SELECT COUNT(*) FROM push_report_events WHERE instance_id = ? "
                    + "AND publish_id = ? AND event = 'open'", instanceId, publishId);
            return new PublishStatus(expanding, targets, queued, sent, failed, removed, delivered, opened, request);
        });
    }

    /**
     * Records a browser's report; a device reports each event of a publish once, and only a
     * registered device of a known publish counts. The first report of a device with a user is an
     * event of the instance ({@code v1.UserNotificationAcknowledgement} for a delivery,
     * {@code v1.UserNotificationOpen} for an open), queued for its webhooks that want it.
     *
     * @param event {@code delivery} or {@code open}
     * @return whether the report was about a known publish and device
     */
    public boolean report(PushInstance instance, String publishId, String deviceId, String event) {
        String instanceId = instance.id();
        return store.transaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM push_publishes WHERE instance_id = ? AND id = ?",
                    instanceId, publishId) == 0) {
                return false;
            }
            String userId;
            try (PreparedStatement s = c.prepareStatement("SELECT user_id FROM push_devices WHERE instance_id = ? AND id = ?")) {
                s.setString(1, instanceId);
                s.setString(2, deviceId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                    userId = r.getString(1);
                }
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM push_report_events WHERE instance_id = ? AND publish_id = ? "
                    + "AND device_id = ? AND event = ?", instanceId, publishId, deviceId, event) > 0) {
                return true;
            }
            Sql.update(c, "INSERT INTO push_report_events (instance_id, publish_id, device_id, event) "
                    + "VALUES (?, ?, ?, ?)", instanceId, publishId, deviceId, event);
            if (userId != null) {
                ObjectNode payload = JsonNodeFactory.instance.objectNode().put("instance_id", instanceId)
                        .put("publish_id", publishId).put("user_id", userId);
                InstanceEvents.queue(c, instance, "open".equals(event) ? InstanceWebhook.NOTIFICATION_OPEN
                        : InstanceWebhook.NOTIFICATION_ACKNOWLEDGEMENT, publishId, payload, System.currentTimeMillis());
            }
            return true;
        });
    }

    /**
     * Deletes up to {@code limit} publishes created before {@code cutoff} that are finished (expanded,
     * nothing queued), with the browsers' reports about them: their status is gone after that.
     *
     * @return how many were deleted; fewer than {@code limit} when no more are due
     */
    public int purgeFinished(long cutoff, int limit) {
        return store.transaction(c -> {
            List<String[]> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT p.instance_id, p.id FROM push_publishes p "
                    + "WHERE p.created_at < ? AND p.expand_due_at IS NULL AND NOT EXISTS (SELECT 1 FROM push_deliveries q "
                    + "WHERE q.instance_id = p.instance_id AND q.publish_id = p.id) ORDER BY p.created_at LIMIT ?")) {
                s.setLong(1, cutoff);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(new String[] {r.getString(1), r.getString(2)});
                    }
                }
            }
            for (String[] p : due) {
                Sql.update(c, "DELETE FROM push_report_events WHERE instance_id = ? AND publish_id = ?", p[0], p[1]);
                Sql.update(c, "DELETE FROM push_publishes WHERE instance_id = ? AND id = ?", p[0], p[1]);
            }
            return due.size();
        });
    }
}
