package io.herald.push.data;

import io.herald.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The durable delivery queue shared by every node on one store. A node claims due rows by pushing
 * their due time past a lease with a conditional update, so no other node takes them
 * while it sends; a node that dies mid-way loses only its lease, and the rows come back due. Blocking
 * JDBC: call it from the delivery threads only.
 */
public final class DeliveryQueue {

    private final Store store;
    private final PublishWebhooks webhooks;

    public DeliveryQueue(Store store, PublishWebhooks webhooks) {
        this.store = store;
        this.webhooks = webhooks;
    }

    /**
     * Claims up to {@code max} due deliveries for {@code leaseMillis}. The due rows are read without
     * locks (the index on due time stops at {@code max}; {@code FOR UPDATE SKIP LOCKED} made H2 lock
     * and sort every due row first), then taken with {@link Leases}.
     * Each row comes with its device's subscription (joined on the device's primary key): a lookup of
     * the batch's devices afterwards ({@code id IN (…)}) made H2 scan every device of the instance.
     */
    public List<ClaimedDelivery> claim(int max, long leaseMillis) {
        return store.transaction(c -> {
            long now = System.currentTimeMillis();
            List<ClaimedDelivery> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT q.id, q.instance_id, q.publish_id, q.device_id, "
                    + "q.attempts, d.id, d.endpoint, d.p256dh, d.auth, d.user_id, d.sdk_version FROM push_deliveries q "
                    + "LEFT JOIN push_devices d ON d.instance_id = q.instance_id AND d.id = q.device_id "
                    + "WHERE q.due_at <= ? ORDER BY q.due_at, q.id LIMIT ?")) {
                s.setLong(1, now);
                s.setInt(2, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Device device = r.getString(6) == null ? null : new Device(r.getString(6), r.getString(7),
                                r.getString(8), r.getString(9), r.getString(10), r.getString(11));
                        due.add(new ClaimedDelivery(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getInt(5) + 1, device));
                    }
                }
            }
            // ClaimedDelivery carries the attempt it is about to make: the row holds one fewer.
            return Leases.take(c, "push_deliveries", due, ClaimedDelivery::id, d -> d.attempts() - 1, now, leaseMillis);
        });
    }

    /** The payload of a publish, or {@code null} when it is gone. */
    public Publication publication(String instanceId, String publishId) {
        return store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT web_payload, ttl_seconds FROM push_publishes WHERE instance_id = ? AND id = ?")) {
                s.setString(1, instanceId);
                s.setString(2, publishId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getString(1) != null
                            ? new Publication(r.getString(1), (Integer) r.getObject(2, Integer.class)) : null;
                }
            }
        });
    }

    /** Records how each claimed delivery ended, in one transaction: rows, devices and counts together. */
    public void settle(Map<ClaimedDelivery, Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        store.transaction(c -> {
            try (PreparedStatement done = c.prepareStatement("DELETE FROM push_deliveries WHERE id = ?");
                 PreparedStatement retry = c.prepareStatement(
                         "UPDATE push_deliveries SET due_at = ?, last_error = ? WHERE id = ?");
                 PreparedStatement gone = c.prepareStatement(
                         "DELETE FROM push_devices WHERE instance_id = ? AND id = ?")) {
                for (Map.Entry<ClaimedDelivery, Outcome> e : outcomes.entrySet()) {
                    ClaimedDelivery d = e.getKey();
                    Outcome o = e.getValue();
                    if (o.kind() == Outcome.Kind.RETRY) {
                        retry.setLong(1, o.retryAt());
                        retry.setString(2, truncate(o.error()));
                        retry.setLong(3, d.id());
                        retry.addBatch();
                        continue;
                    }
                    done.setLong(1, d.id());
                    done.addBatch();
                    if (o.kind() == Outcome.Kind.GONE) {
                        gone.setString(1, d.instanceId());
                        gone.setString(2, d.deviceId());
                        gone.addBatch();
                    }
                }
                retry.executeBatch();
                done.executeBatch();
                gone.executeBatch();
            }
            long now = System.currentTimeMillis();
            Map<List<String>, Set<String>> usersReached = usersReached(outcomes);
            // After count(): it updated, and so locked, each publish's row.
            for (List<String> publish : count(c, outcomes)) {
                PublishUsers.delivered(c, publish.get(0), publish.get(1), usersReached.getOrDefault(publish, Set.of()));
                webhooks.finishIfDone(c, publish.get(0), publish.get(1), now);
            }
            return null;
        });
    }

    /**
     * One update per publish in the batch, not one per delivery: a big publish's row is hot.
     *
     * @return the publishes counted, as (instance id, publish id)
     */
    private static Set<List<String>> count(Connection c, Map<ClaimedDelivery, Outcome> outcomes)
            throws SQLException {
        Map<List<String>, int[]> perPublish = outcomes.entrySet().stream()
                .filter(e -> e.getValue().kind() != Outcome.Kind.RETRY)
                .collect(Collectors.groupingBy(e -> List.of(e.getKey().instanceId(), e.getKey().publishId()),
                        Collectors.reducing(new int[3], e -> one(e.getValue().kind()), DeliveryQueue::add)));
        try (PreparedStatement s = c.prepareStatement("UPDATE push_publishes SET sent = sent + ?, "
                + "failed = failed + ?, removed = removed + ? WHERE instance_id = ? AND id = ?")) {
            for (Map.Entry<List<String>, int[]> e : perPublish.entrySet()) {
                s.setInt(1, e.getValue()[0]);
                s.setInt(2, e.getValue()[1]);
                s.setInt(3, e.getValue()[2]);
                s.setString(4, e.getKey().get(0));
                s.setString(5, e.getKey().get(1));
                s.addBatch();
            }
            s.executeBatch();
        }
        return perPublish.keySet();
    }

    /** Per publish, the users of the devices a push service accepted it for. */
    private static Map<List<String>, Set<String>> usersReached(Map<ClaimedDelivery, Outcome> outcomes) {
        return outcomes.entrySet().stream()
                .filter(e -> e.getValue().kind() == Outcome.Kind.SENT && e.getKey().device() != null
                        && e.getKey().device().userId() != null)
                .collect(Collectors.groupingBy(e -> List.of(e.getKey().instanceId(), e.getKey().publishId()),
                        Collectors.mapping(e -> e.getKey().device().userId(), Collectors.toSet())));
    }

    private static int[] one(Outcome.Kind kind) {
        return switch (kind) {
            case SENT -> new int[] {1, 0, 0};
            case FAILED -> new int[] {0, 1, 0};
            default -> new int[] {0, 0, 1};
        };
    }

    private static int[] add(int[] a, int[] b) {
        return new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 300 ? error : error.substring(0, 300);
    }
}
