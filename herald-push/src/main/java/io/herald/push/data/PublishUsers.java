package io.herald.push.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What became of each user of a publish to users whose instance wants {@code v1.PublishToUsersAttempt}
 * (a tracked publish): the users who had devices when it was expanded, and which of them a push
 * service accepted it for. Kept until the publish finishes. Every call runs in a transaction that
 * holds the publish's row lock, so a publish's users are written by one transaction at a time.
 */
final class PublishUsers {

    private PublishUsers() {
    }

    /** Records the users of {@code devices}, just queued for a tracked publish, not yet delivered to. */
    static void expanded(Connection c, String instanceId, String publishId, List<String> devices) throws SQLException {
        record(c, instanceId, publishId, users(c, instanceId, "id", devices));
    }

    /**
     * Records which of {@code targets} have devices, for a tracked publish with nothing Herald delivers
     * (no web part): those users are failed, the others have no devices.
     */
    static void undeliverable(Connection c, String instanceId, String publishId, List<String> targets)
            throws SQLException {
        record(c, instanceId, publishId, users(c, instanceId, "user_id", targets));
    }

    /** The users of the instance's devices whose {@code column} is one of {@code values}. */
    private static Set<String> users(Connection c, String instanceId, String column, List<String> values)
            throws SQLException {
        Set<String> users = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT user_id FROM push_devices WHERE instance_id = ? "
                + "AND " + column + " IN (" + Sql.placeholders(values.size()) + ")")) {
            s.setString(1, instanceId);
            Sql.bind(s, 2, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    users.add(r.getString(1));
                }
            }
        }
        return users;
    }

    private static void record(Connection c, String instanceId, String publishId, Set<String> users) throws SQLException {
        users.removeAll(recorded(c, instanceId, publishId).keySet()); // an earlier chunk may have had other devices of theirs
        Sql.batchEach(c, "INSERT INTO push_publish_users (instance_id, publish_id, user_id) VALUES (?, ?, ?)",
                instanceId, publishId, users);
    }

    /** A push service accepted the publish for a device of each of {@code users}. */
    static void delivered(Connection c, String instanceId, String publishId, Collection<String> users)
            throws SQLException {
        if (users.isEmpty() || !Sql.exists(c, "SELECT 1 FROM push_publishes WHERE instance_id = ? AND id = ? "
                + "AND track_users", instanceId, publishId)) {
            return;
        }
        Sql.batchEach(c, "UPDATE push_publish_users SET delivered = TRUE WHERE instance_id = ? AND publish_id = ? "
                + "AND user_id = ? AND NOT delivered", instanceId, publishId, users);
    }

    /**
     * The finished publish's {@code v1.PublishToUsersAttempt} payload, its users forgotten.
     *
     * @param targets the user ids it was published to
     */
    static ObjectNode attempt(Connection c, String instanceId, String publishId, List<String> targets)
            throws SQLException {
        Map<String, Boolean> recorded = recorded(c, instanceId, publishId);
        Sql.update(c, "DELETE FROM push_publish_users WHERE instance_id = ? AND publish_id = ?", instanceId, publishId);
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("instance_id", instanceId)
                .put("publish_id", publishId);
        ArrayNode toGateway = payload.putArray("users_delivered_to_gateway");
        ArrayNode noDevices = payload.putArray("users_no_devices");
        ArrayNode failed = payload.putArray("users_gateway_failed");
        for (String user : targets) { // in the order they were published to
            Boolean delivered = recorded.get(user); // null: the user had no device
            (delivered == null ? noDevices : delivered ? toGateway : failed).add(user);
        }
        return payload;
    }

    /** The publish's recorded users, each with whether it was delivered to them. */
    private static Map<String, Boolean> recorded(Connection c, String instanceId, String publishId)
            throws SQLException {
        Map<String, Boolean> users = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT user_id, delivered FROM push_publish_users WHERE instance_id = ? AND publish_id = ?")) {
            s.setString(1, instanceId);
            s.setString(2, publishId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    users.put(r.getString(1), r.getBoolean(2));
                }
            }
        }
        return users;
    }
}
