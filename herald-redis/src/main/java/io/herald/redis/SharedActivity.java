package io.herald.redis;

import io.herald.server.app.App;
import io.herald.server.cluster.ClusterNode;
import io.herald.server.metrics.MessageCounts;
import io.herald.server.metrics.MessageRates;
import io.herald.server.metrics.NodeMetrics;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Each node's share of the cluster's per-app activity, written to Redis at every heartbeat and read
 * back from the other live nodes: connections (for quotas and the admin API's stats) and messages
 * (totals and rates, for the stats). Expiring with the node, so a dead node's figures leave with it.
 * Whoever asks is answered from what the last heartbeat read, never with a Redis round trip.
 */
final class SharedActivity {

    private final ClusterNode node;
    private final RedisKeys keys;
    private final String nodeId;
    private final long ttlMillis;
    private final RedisClusterAsyncCommands<String, String> commands;
    /** Rates measured at each heartbeat, apart from the admin API's own measurements. */
    private final MessageRates rates = new MessageRates();
    private volatile NodeMetrics metrics;
    private volatile Map<String, Integer> connectionsElsewhere = Map.of();
    private volatile Map<String, MessageCounts> messagesElsewhere = Map.of();
    private volatile int liveNodes = 1;

    SharedActivity(ClusterNode node, RedisKeys keys, String nodeId, long ttlMillis,
                   RedisClusterAsyncCommands<String, String> commands) {
        this.node = node;
        this.keys = keys;
        this.nodeId = nodeId;
        this.ttlMillis = ttlMillis;
        this.commands = commands;
    }

    /** Where this node's message counters are read; until set, it shares connections only. */
    void readMessagesFrom(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    /** On the heartbeat thread: writes this node's figures, then reads every other live node's. */
    void share(Duration wait) throws Exception {
        Map<String, String> connections = new HashMap<>();
        Map<String, String> messages = new HashMap<>();
        NodeMetrics counters = metrics;
        for (App app : node.options().apps()) {
            connections.put(app.id(), String.valueOf(node.connections().count(app.id())));
            if (counters != null) {
                counters.find(app.id()).ifPresent(m -> messages.put(app.id(), encode(rates.read(m))));
            }
        }
        write(keys.connections(nodeId), connections);
        write(keys.messages(nodeId), messages);

        List<String> live = commands.zrange(keys.nodes(), 0, -1).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        liveNodes = Math.max(1, live.size());
        Map<String, Integer> connectionTotals = new HashMap<>();
        Map<String, MessageCounts> messageTotals = new HashMap<>();
        for (String other : live) {
            if (other.equals(nodeId)) {
                continue;
            }
            // both sent before either answer is awaited: one round trip per node
            RedisFuture<Map<String, String>> connectionsThere = commands.hgetall(keys.connections(other));
            RedisFuture<Map<String, String>> messagesThere = commands.hgetall(keys.messages(other));
            connectionsThere.get(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((appId, value) -> count(value).ifPresent(n -> connectionTotals.merge(appId, n, Integer::sum)));
            messagesThere.get(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((appId, counts) -> decode(counts).ifPresent(c -> messageTotals.merge(appId, c, MessageCounts::plus)));
        }
        connectionsElsewhere = connectionTotals;
        messagesElsewhere = messageTotals;
    }

    private void write(String key, Map<String, String> fields) {
        if (!fields.isEmpty()) { // HSET needs at least one field
            commands.hset(key, fields);
        }
        commands.pexpire(key, ttlMillis);
    }

    int connectionsElsewhere(String appId) {
        return connectionsElsewhere.getOrDefault(appId, 0);
    }

    MessageCounts messagesElsewhere(String appId) {
        return messagesElsewhere.getOrDefault(appId, MessageCounts.NONE);
    }

    /** Nodes registered in the cluster at the last heartbeat, this one included. */
    int liveNodes() {
        return liveNodes;
    }

    /** A node's connection count; empty for a value this version can't read, as for {@link #decode}. */
    static Optional<Integer> count(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code "in out inPerSecond outPerSecond"}. */
    static String encode(MessageCounts counts) {
        return counts.in() + " " + counts.out() + " " + counts.inPerSecond() + " " + counts.outPerSecond();
    }

    /** Empty for a value this version can't read (a node of another version may write another form). */
    static Optional<MessageCounts> decode(String value) {
        String[] parts = value.split(" ");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MessageCounts(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
