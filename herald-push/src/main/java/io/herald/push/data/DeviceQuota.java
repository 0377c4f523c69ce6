package io.herald.push.data;

import io.herald.push.api.BeamsException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps an instance's device count under {@code push.max-devices}: anyone who knows the instance id
 * may register a device, so without a cap one script could fill the store. Counting every instance's
 * devices on each registration would cost a scan per request, so the count is read at most every
 * {@link #RECOUNT_MILLIS} and this node's registrations are added to it in between; registrations on
 * other nodes show at the next count, so the cap may be passed by what the nodes register in that time.
 */
final class DeviceQuota {

    static final long RECOUNT_MILLIS = 5_000;

    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Refuses (422) a new device of {@code instanceId} once it has {@code max}; counts it otherwise. */
    void admit(Connection c, String instanceId, int max) throws SQLException {
        Count count = counts.computeIfAbsent(instanceId, id -> new Count());
        synchronized (count) {
            long now = System.currentTimeMillis();
            if (now - count.countedAt > RECOUNT_MILLIS) {
                count.devices = Sql.count(c, "SELECT COUNT(*) FROM push_devices WHERE instance_id = ?", instanceId);
                count.countedAt = now;
            }
            if (count.devices >= max) {
                throw BeamsException.unprocessable("This instance has " + max
                        + " devices, the most it may have (push.max-devices): delete devices or raise the limit");
            }
            count.devices++;
        }
    }

    private static final class Count {
        long devices;
        long countedAt = Long.MIN_VALUE / 2;
    }
}
