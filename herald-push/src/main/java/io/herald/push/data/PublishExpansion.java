package io.herald.push.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.push.data.PublishStore.Audience;
import io.herald.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored publishes into queued deliveries, a chunk of devices at a time, in device id order.
 * Each chunk commits its delivery rows together with the publish's cursor (the last device id
 * queued), and only if the cursor is still the one it started from: a chunk another node queued
 * in between makes this one roll back, so every device is queued once even when two nodes, or a
 * node and its restarted self, work on the same publish. Blocking JDBC: delivery threads only.
 */
public final class PublishExpansion {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A publish this node is expanding.
     *
     * @param cursor the last device id queued so far; {@code ""} before the first chunk
     * @param trackUsers whether its users' outcomes are kept ({@link PublishUsers})
     */
    public record Expanding(String instanceId, String publishId, Audience audience, List<String> targets,
                            String cursor, boolean trackUsers) {
    }

    private final Store store;
    private final PublishWebhooks webhooks;

    public PublishExpansion(Store store, PublishWebhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    /** The JSON kept in {@code audience_targets}. */
    static String targetsJson(List<String> targets) {
        try {
            return JSON.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the publish that has waited longest for expansion for {@code leaseMillis}, or {@code null}. */
    public Expanding claim(long leaseMillis) {
        return store.transaction(c -> {
            long now = System.currentTimeMillis();
            Expanding found;
            long dueAt;
            try (PreparedStatement s = c.prepareStatement("SELECT instance_id, id, audience, audience_targets, "
                    + "expand_cursor, expand_due_at, track_users FROM push_publishes WHERE expand_due_at <= ? "
                    + "ORDER BY expand_due_at LIMIT 1")) {
                s.setLong(1, now);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    found = new Expanding(r.getString(1), r.getString(2), Audience.valueOf(r.getString(3)),
                            targets(r.getString(4)), r.getString(5), r.getBoolean(7));
                    dueAt = r.getLong(6);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE push_publishes SET expand_due_at = ? "
                    + "WHERE instance_id = ? AND id = ? AND expand_due_at = ?")) {
                s.setLong(1, now + leaseMillis);
                s.setString(2, found.instanceId());
                s.setString(3, found.publishId());
                s.setLong(4, dueAt);
                return s.executeUpdate() == 1 ? found : null;
            }
        });
    }

    /**
     * Queues the next at most {@code chunk} devices of {@code p} and extends the lease.
     *
     * @return the publish with its new cursor; {@code null} when it is fully queued, or when another
     *     node queued this chunk first (then it is that node's to finish)
     */
    public Expanding expandChunk(Expanding p, int chunk, long leaseMillis) {
        return store.transaction(c -> {
            long now = System.currentTimeMillis();
            List<String> devices = nextDevices(c, p, chunk);
            boolean done = devices.size() < chunk;
            String cursor = devices.isEmpty() ? p.cursor() : devices.get(devices.size() - 1);
            try (PreparedStatement s = c.prepareStatement("UPDATE push_publishes SET expand_cursor = ?, "
                    + "targets = targets + ?, expand_due_at = ? WHERE instance_id = ? AND id = ? AND expand_cursor = ?")) {
                s.setString(1, cursor);
                s.setInt(2, devices.size());
                s.setObject(3, done ? null : now + leaseMillis, java.sql.Types.BIGINT);
                s.setString(4, p.instanceId());
                s.setString(5, p.publishId());
                s.setString(6, p.cursor());
                if (s.executeUpdate() != 1) {
                    return null; // nothing written yet: this transaction commits no change
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO push_deliveries "
                    + "(instance_id, publish_id, device_id, due_at) VALUES (?, ?, ?, ?)")) {
                for (String device : devices) {
                    s.setString(1, p.instanceId());
                    s.setString(2, p.publishId());
                    s.setString(3, device);
                    s.setLong(4, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            if (p.trackUsers() && !devices.isEmpty()) {
                PublishUsers.expanded(c, p.instanceId(), p.publishId(), devices);
            }
            if (done) {
                // The update above locked the publish's row: its deliveries may all be settled already.
                webhooks.finishIfDone(c, p.instanceId(), p.publishId(), now);
            }
            return done ? null : new Expanding(p.instanceId(), p.publishId(), p.audience(), p.targets(), cursor,
                    p.trackUsers());
        });
    }

    private static List<String> nextDevices(Connection c, Expanding p, int chunk) throws SQLException {
        String in = " IN (" + Sql.placeholders(p.targets().size()) + ")";
        String sql;
        if (p.audience() == Audience.USERS) {
            sql = "SELECT id FROM push_devices WHERE instance_id = ? AND user_id" + in + " AND id > ? ORDER BY id LIMIT ?";
        } else if (p.targets().size() == 1) {
            // Ordered as the index is (one interest: the same order), so H2 reads it in order and stops at
            // the limit; ORDER BY device_id alone made it collect and sort every device past the cursor.
            sql = "SELECT device_id FROM push_device_interests WHERE instance_id = ? AND interest" + in
                    + " AND device_id > ? ORDER BY instance_id, interest, device_id LIMIT ?";
        } else {
            // DISTINCT: a device with several of the interests gets one copy.
            sql = "SELECT DISTINCT device_id FROM push_device_interests WHERE instance_id = ? AND interest" + in
                    + " AND device_id > ? ORDER BY device_id LIMIT ?";
        }
        List<String> devices = new ArrayList<>(Math.min(chunk, 1024));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, p.instanceId());
            int next = Sql.bind(s, 2, p.targets());
            s.setString(next, p.cursor());
            s.setInt(next + 1, chunk);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    devices.add(r.getString(1));
                }
            }
        }
        return devices;
    }

    static List<String> targets(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored publish's audience is not a JSON list", e);
        }
    }
}
