package io.herald.push.data;

import io.herald.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhook posts waiting to be sent, shared by every node on one store. A post is queued in the
 * transaction that decides it ({@link PublishWebhooks}, {@link InstanceEvents}), so it is neither lost nor queued twice; a
 * node claims due posts for a lease ({@link Leases}), and one that dies mid-send loses only its lease.
 * Blocking JDBC: call it from the webhook thread only.
 */
public final class WebhookOutbox {

    private final Store store;

    public WebhookOutbox(Store store) {
        this.store = store;
    }

    /**
     * Queues a post, due at once, in the caller's transaction.
     *
     * @param headers a JSON object of the post's own headers, or {@code null}
     */
    static void enqueue(Connection c, String instanceId, String publishId, String url, String headers, String body,
                        long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO push_webhooks "
                + "(instance_id, publish_id, url, headers, body, due_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, instanceId);
            s.setString(2, publishId);
            s.setString(3, url);
            s.setString(4, headers);
            s.setString(5, body);
            s.setLong(6, now);
            s.executeUpdate();
        }
    }

    /** Claims up to {@code max} due posts for {@code leaseMillis}, oldest first. */
    public List<QueuedWebhook> claim(int max, long leaseMillis) {
        return store.transaction(c -> {
            long now = System.currentTimeMillis();
            List<QueuedWebhook> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, instance_id, publish_id, url, headers, body, attempts "
                    + "FROM push_webhooks WHERE due_at <= ? ORDER BY due_at, id LIMIT ?")) {
                s.setLong(1, now);
                s.setInt(2, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(new QueuedWebhook(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getInt(7) + 1));
                    }
                }
            }
            return Leases.take(c, "push_webhooks", due, QueuedWebhook::id, w -> w.attempts() - 1, now, leaseMillis);
        });
    }

    /** The post was answered 2xx, or has had its last try: it leaves the queue. */
    public void remove(QueuedWebhook webhook) {
        store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM push_webhooks WHERE id = ?")) {
                s.setLong(1, webhook.id());
                return s.executeUpdate();
            }
        });
    }

    /** The post failed: tried again at {@code retryAt} (epoch milliseconds). */
    public void retryAt(QueuedWebhook webhook, long retryAt) {
        store.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE push_webhooks SET due_at = ? WHERE id = ?")) {
                s.setLong(1, retryAt);
                s.setLong(2, webhook.id());
                return s.executeUpdate();
            }
        });
    }
}
