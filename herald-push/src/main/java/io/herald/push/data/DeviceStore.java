package io.herald.push.data;

import io.herald.push.api.BeamsException;
import io.herald.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Devices, their interests and their users, always within one instance. Blocking JDBC: call it
 * from the push service's store threads only.
 */
public final class DeviceStore {

    private final Store store;
    private final DeviceQuota quota = new DeviceQuota();

    public DeviceStore(Store store) {
        this.store = store;
    }

    /**
     * Registers a subscription; the same subscription registered again keeps its device id. A new
     * one is refused (422) when the instance has {@code maxDevices} already.
     */
    public String register(String instanceId, String endpoint, String p256dh, String auth, String sdkVersion,
                           int maxDevices) {
        try {
            return store.transaction(c -> upsert(c, instanceId, endpoint, p256dh, auth, sdkVersion, maxDevices));
        } catch (io.herald.store.StoreException e) {
            if (e.getCause() instanceof SQLException s && Sql.isUniqueViolation(s)) {
                // Registered at the same moment by another request: that one's row is the device.
                return store.transaction(c -> upsert(c, instanceId, endpoint, p256dh, auth, sdkVersion, maxDevices));
            }
            throw e;
        }
    }

    private String upsert(Connection c, String instanceId, String endpoint, String p256dh, String auth,
                          String sdkVersion, int maxDevices) throws SQLException {
        if (Sql.update(c, "UPDATE push_devices SET p256dh = ?, auth = ?, sdk_version = ? "
                + "WHERE instance_id = ? AND endpoint = ?", p256dh, auth, sdkVersion, instanceId, endpoint) > 0) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id FROM push_devices WHERE instance_id = ? AND endpoint = ?")) {
                q.setString(1, instanceId);
                q.setString(2, endpoint);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        }
        quota.admit(c, instanceId, maxDevices);
        String id = "web-" + UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO push_devices "
                + "(instance_id, id, endpoint, p256dh, auth, sdk_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, instanceId);
            s.setString(2, id);
            s.setString(3, endpoint);
            s.setString(4, p256dh);
            s.setString(5, auth);
            s.setString(6, sdkVersion);
            s.setLong(7, System.currentTimeMillis());
            s.executeUpdate();
        }
        return id;
    }

    /** The device, or a 404. */
    public Device get(String instanceId, String deviceId) {
        return store.transaction(c -> find(c, instanceId, deviceId, false));
    }

    private static Device find(Connection c, String instanceId, String deviceId, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, endpoint, p256dh, auth, user_id, sdk_version "
                + "FROM push_devices WHERE instance_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, instanceId);
            s.setString(2, deviceId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw BeamsException.notFound("Device not found: " + deviceId);
                }
                return new Device(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6));
            }
        }
    }

    /** Removes the device and its interests; 404 when it isn't there. */
    public void delete(String instanceId, String deviceId) {
        store.transaction(c -> {
            if (Sql.update(c, "DELETE FROM push_devices WHERE instance_id = ? AND id = ?", instanceId, deviceId) == 0) {
                throw BeamsException.notFound("Device not found: " + deviceId);
            }
            return null;
        });
    }

    public void setSdkVersion(String instanceId, String deviceId, String sdkVersion) {
        store.transaction(c -> {
            find(c, instanceId, deviceId, true);
            return Sql.update(c, "UPDATE push_devices SET sdk_version = ? WHERE instance_id = ? AND id = ?",
                    sdkVersion, instanceId, deviceId);
        });
    }

    /** Up to {@code limit} interests after {@code after} (exclusive; {@code null} from the start), in order. */
    public List<String> interests(String instanceId, String deviceId, String after, int limit) {
        return store.transaction(c -> {
            find(c, instanceId, deviceId, false);
            try (PreparedStatement s = c.prepareStatement("SELECT interest FROM push_device_interests "
                    + "WHERE instance_id = ? AND device_id = ? AND interest > ? ORDER BY interest LIMIT ?")) {
                s.setString(1, instanceId);
                s.setString(2, deviceId);
                s.setString(3, after == null ? "" : after);
                s.setInt(4, limit);
                List<String> interests = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        interests.add(r.getString(1));
                    }
                }
                return interests;
            }
        });
    }

    /** Replaces the device's interests (at most the limit, checked by the caller). */
    public void setInterests(String instanceId, String deviceId, Collection<String> interests) {
        store.transaction(c -> {
            find(c, instanceId, deviceId, true);
            Sql.update(c, "DELETE FROM push_device_interests WHERE instance_id = ? AND device_id = ?",
                    instanceId, deviceId);
            Sql.batchEach(c, "INSERT INTO push_device_interests (instance_id, device_id, interest) VALUES (?, ?, ?)",
                    instanceId, deviceId, interests);
            return null;
        });
    }

    /** Adds one interest; refused with 400 past {@code max}; adding one it has already is fine. */
    public void addInterest(String instanceId, String deviceId, String interest, int max) {
        store.transaction(c -> {
            find(c, instanceId, deviceId, true); // the lock serialises this device's changes
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), "
                    + "SUM(CASE WHEN interest = ? THEN 1 ELSE 0 END) FROM push_device_interests "
                    + "WHERE instance_id = ? AND device_id = ?")) {
                s.setString(1, interest);
                s.setString(2, instanceId);
                s.setString(3, deviceId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(2) > 0) {
                        return null;
                    }
                    if (r.getLong(1) >= max) {
                        throw BeamsException.badRequest("A device can have at most " + max + " interests");
                    }
                }
            }
            return Sql.update(c, "INSERT INTO push_device_interests (instance_id, device_id, interest) "
                    + "VALUES (?, ?, ?)", instanceId, deviceId, interest);
        });
    }

    public void removeInterest(String instanceId, String deviceId, String interest) {
        store.transaction(c -> {
            find(c, instanceId, deviceId, true);
            return Sql.update(c, "DELETE FROM push_device_interests "
                    + "WHERE instance_id = ? AND device_id = ? AND interest = ?", instanceId, deviceId, interest);
        });
    }

    /**
     * Binds the device to {@code userId}: 400 when it belongs to another user already, 422 when the
     * user has {@code maxDevices} devices.
     */
    public void setUser(String instanceId, String deviceId, String userId, int maxDevices) {
        store.transaction(c -> {
            Device device = find(c, instanceId, deviceId, true);
            if (userId.equals(device.userId())) {
                return null;
            }
            if (device.userId() != null) {
                throw BeamsException.badRequest("This device already belongs to another user");
            }
            if (Sql.count(c, "SELECT COUNT(*) FROM push_devices WHERE instance_id = ? AND user_id = ?",
                    instanceId, userId) >= maxDevices) {
                throw BeamsException.unprocessable("A user can have at most " + maxDevices + " devices");
            }
            return Sql.update(c, "UPDATE push_devices SET user_id = ? WHERE instance_id = ? AND id = ?",
                    userId, instanceId, deviceId);
        });
    }

    /** Removes every device of the user; how many there were. */
    public int deleteUser(String instanceId, String userId) {
        return store.transaction(c -> Sql.update(c, "DELETE FROM push_devices WHERE instance_id = ? AND user_id = ?",
                instanceId, userId));
    }

    /** Whether the device is registered in the instance. */
    public boolean exists(String instanceId, String deviceId) {
        return store.transaction(c -> Sql.exists(c, "SELECT 1 FROM push_devices WHERE instance_id = ? AND id = ?",
                instanceId, deviceId));
    }
}
