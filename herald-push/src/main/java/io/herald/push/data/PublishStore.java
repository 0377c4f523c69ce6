package io.herald.push.data;

import io.herald.push.api.BeamsException;
import io.herald.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Publishes: stored with one queued delivery per target device in the same transaction, so a
 * publish that was answered 200 is in the queue even if the node dies right after. Blocking JDBC.
 */
public final class PublishStore {

    /** Who a publish goes to. */
    public enum Audience { INTERESTS, USERS }

    private final Store store;

    public PublishStore(Store store) {
        this.store = store;
    }

    /**
     * Stores the publish and queues one delivery per device that has any of {@code targets} (an
     * interest or a user id). With no Web Push payload nothing is queued.
     *
     * @return how many deliveries were queued
     */
    public int publish(String instanceId, String publishId, String request, String webPayload, Integer ttlSeconds,
                       Audience audience, List<String> targets) {
        return store.transaction(c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO push_publishes "
                    + "(instance_id, id, created_at, request, web_payload, ttl_seconds) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, instanceId);
                s.setString(2, publishId);
                s.setLong(3, now);
                s.setString(4, request);
                s.setString(5, webPayload);
                s.setObject(6, ttlSeconds, java.sql.Types.INTEGER);
                s.executeUpdate();
            }
            int queued = webPayload == null ? 0 : enqueue(c, instanceId, publishId, audience, targets, now);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE push_publishes SET targets = ? WHERE instance_id = ? AND id = ?")) {
                s.setInt(1, queued);
                s.setString(2, instanceId);
                s.setString(3, publishId);
                s.executeUpdate();
            }
            return queued;
        });
    }

    private static int enqueue(Connection c, String instanceId, String publishId, Audience audience,
                               List<String> targets, long now) throws SQLException {
        // DISTINCT: a device with several of the interests gets one copy.
        String devices = audience == Audience.INTERESTS
                ? "SELECT DISTINCT device_id FROM push_device_interests WHERE instance_id = ? AND interest IN ("
                        + Sql.placeholders(targets.size()) + ")"
                : "SELECT id FROM push_devices WHERE instance_id = ? AND user_id IN ("
                        + Sql.placeholders(targets.size()) + ")";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO push_deliveries "
                + "(instance_id, publish_id, device_id, due_at) SELECT ?, ?, t.device_id, ? FROM ("
                + devices.replaceFirst("SELECT id ", "SELECT id AS device_id ") + ") t")) {
            s.setString(1, instanceId);
            s.setString(2, publishId);
            s.setLong(3, now);
            s.setString(4, instanceId);
            Sql.bind(s, 5, targets);
            return s.executeUpdate();
        }
    }

    /** The publish's outcome so far; 404 when the instance has no such publish. */
    public PublishStatus status(String instanceId, String publishId) {
        return store.transaction(c -> {
            int targets;
            int sent;
            int failed;
            int removed;
            String request;
            try (PreparedStatement s = c.prepareStatement("SELECT targets, sent, failed, removed, request "
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
                }
            }
            int queued = count(c, "SELECT COUNT(*) FROM push_deliveries WHERE instance_id = ? AND publish_id = ?",
                    instanceId, publishId);
            int delivered = count(c, "SELECT COUNT(*) FROM push_report_events WHERE instance_id = ? "
                    + "AND publish_id = ? AND event = 'delivery'", instanceId, publishId);
            int opened = count(c, "SELECT COUNT(*) FROM push_report_events WHERE instance_id = ? "
                    + "AND publish_id = ? AND event = 'open'", instanceId, publishId);
            return new PublishStatus(targets, queued, sent, failed, removed, delivered, opened, request);
        });
    }

    /**
     * Records a browser's report; a device reports each event of a publish once, and only a
     * registered device of a known publish counts.
     *
     * @return whether the report was about a known publish and device
     */
    public boolean report(String instanceId, String publishId, String deviceId, String event) {
        return store.transaction(c -> {
            if (count(c, "SELECT COUNT(*) FROM push_publishes WHERE instance_id = ? AND id = ?",
                    instanceId, publishId) == 0
                    || count(c, "SELECT COUNT(*) FROM push_devices WHERE instance_id = ? AND id = ?",
                    instanceId, deviceId) == 0) {
                return false;
            }
            if (count(c, "SELECT COUNT(*) FROM push_report_events WHERE instance_id = ? AND publish_id = ? "
                    + "AND device_id = ? AND event = ?", instanceId, publishId, deviceId, event) > 0) {
                return true;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO push_report_events "
                    + "(instance_id, publish_id, device_id, event) VALUES (?, ?, ?, ?)")) {
                s.setString(1, instanceId);
                s.setString(2, publishId);
                s.setString(3, deviceId);
                s.setString(4, event);
                s.executeUpdate();
            }
            return true;
        });
    }

    private static int count(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
