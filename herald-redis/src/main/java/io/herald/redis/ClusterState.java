package io.herald.redis;

import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.herald.server.channel.PresenceMember;
import io.herald.server.cluster.ChannelSummary;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster's shared channel state in Redis (see {@link ClusterScripts} for the keys): this node's
 * joins and leaves, whole-state synchronisation, purges of dead nodes and the cluster-wide queries.
 * Everything is asynchronous; callers get futures and never wait on an event loop.
 */
final class ClusterState {

    /**
     * A cluster-wide change a script decided, to be reported by the node that ran it; a member change
     * has its presence sequence number ({@code seq}, else 0).
     */
    record Change(String kind, String appId, String channel, String userId, long seq) {
    }

    /**
     * The outcome of a join or leave: the channel's total (-1: nothing was counted), the member change
     * and its presence sequence number, and for a join whether the channel and the member came back
     * within a departure's grace period.
     */
    record Outcome(long total, boolean memberChanged, boolean channelReturned, boolean memberReturned, long seq) {
    }

    /** A presence channel's members as of the presence sequence number {@code seq}. */
    record Members(long seq, List<PresenceMember> members) {
    }

    /**
     * The pseudo-channel whose members are the signed-in users: presence bookkeeping (per node, purged
     * with the node) serves them as well. Never listed by channel queries.
     */
    static final String USERS = "#herald-users";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisKeys keys;
    private final String nodeId;
    private final RedisClusterAsyncCommands<String, String> redis;

    /** How long a departure key lives: a little over the grace, so only a node that dies leaves one behind. */
    private final long departureTtlMillis;

    /** {@code redis} may be a single Redis's or a Redis Cluster's commands: every key is in one slot. */
    ClusterState(RedisKeys keys, String nodeId, RedisClusterAsyncCommands<String, String> redis, Duration grace) {
        this.keys = keys;
        this.departureTtlMillis = grace.toMillis() + Math.max(1_000, grace.toMillis());
        this.nodeId = nodeId;
        this.redis = redis;
    }

    private String[] channelKeys(String appId, String channel, String member) {
        return new String[] {keys.subscriptions(appId, channel), keys.channels(appId), keys.nodeIndex(nodeId),
                keys.users(appId, channel), keys.nodeUsers(nodeId, appId, channel), keys.infos(appId, channel),
                keys.departure(appId, channel, null), keys.departure(appId, channel, member), keys.presenceSequence()};
    }

    /** A subscriber joined here; {@code newMember} is the presence user this node just gained, else null. */
    CompletableFuture<Outcome> join(String appId, String channel, PresenceMember newMember) {
        return run(ClusterScripts.JOIN, appId, channel, newMember == null ? "" : newMember.userId(),
                newMember == null ? "" : String.valueOf(newMember.userInfo()), "", 0)
                .thenApply(r -> new Outcome((Long) r.get(0), flag(r, 1), flag(r, 2), flag(r, 3), (Long) r.get(4)));
    }

    /**
     * A subscriber left here; {@code lostMember} is the presence user this node just lost, else null.
     * A vacancy or member departure it decides is recorded under {@code token} (unless {@code token} is
     * null: no grace); the node then settles it with {@link #departureFinal} when the grace ends.
     */
    CompletableFuture<Outcome> leave(String appId, String channel, String lostMember, String token) {
        return run(ClusterScripts.LEAVE, appId, channel, lostMember == null ? "" : lostMember, "",
                token == null ? "" : token, token == null ? 0 : departureTtlMillis)
                .thenApply(r -> new Outcome((Long) r.get(0), flag(r, 1), false, false, (Long) r.get(2)));
    }

    private CompletableFuture<List<Object>> run(String script, String appId, String channel, String member,
                                                String info, String token, long ttlMillis) {
        return redis.<List<Object>>eval(script, ScriptOutputType.MULTI,
                channelKeys(appId, channel, member), nodeId, channel, appId + "\n" + channel, member, info,
                token, String.valueOf(ttlMillis)).toCompletableFuture();
    }

    private static boolean flag(List<Object> result, int index) {
        return result.size() > index && ((Long) result.get(index)) == 1L;
    }

    /**
     * The grace of a departure this node recorded under {@code token} ended: true when it is final
     * (no node saw a return meanwhile), and then it is claimed so it is reported once.
     */
    CompletableFuture<Boolean> departureFinal(String appId, String channel, String userId, String token) {
        return redis.<Long>eval(ClusterScripts.DEPART, ScriptOutputType.INTEGER,
                new String[] {keys.departure(appId, channel, userId)}, token)
                .toCompletableFuture().thenApply(claimed -> claimed == 1L);
    }

    /** Replaces this node's state in Redis with {@code local} (and refreshes its heartbeat). */
    CompletableFuture<List<Change>> sync(List<LocalChannel> local) {
        List<String> args = new ArrayList<>(List.of(keys.prefix(), nodeId, "sync", "0"));
        for (LocalChannel channel : local) {
            args.add(channel.appId());
            args.add(channel.name());
            args.add(String.valueOf(channel.subscriptionCount()));
            args.add(String.valueOf(channel.members().size()));
            for (PresenceMember member : channel.members()) {
                args.add(member.userId());
                args.add(String.valueOf(member.userInfo()));
            }
        }
        return changes(args);
    }

    /** Removes a node's state if its last heartbeat is older than {@code timeoutMillis}. */
    CompletableFuture<List<Change>> purge(String deadNodeId, long timeoutMillis) {
        return changes(new ArrayList<>(List.of(keys.prefix(), deadNodeId, "purge", String.valueOf(timeoutMillis))));
    }

    private CompletableFuture<List<Change>> changes(List<String> args) {
        return redis.<List<Object>>eval(ClusterScripts.SYNC, ScriptOutputType.MULTI, new String[] {keys.nodes()},
                args.toArray(String[]::new)).toCompletableFuture().thenApply(flat -> {
                    List<Change> changes = new ArrayList<>();
                    for (int i = 0; i + 4 < flat.size(); i += 5) {
                        String user = (String) flat.get(i + 3);
                        changes.add(new Change((String) flat.get(i), (String) flat.get(i + 1), (String) flat.get(i + 2),
                                user.isEmpty() ? null : user, (Long) flat.get(i + 4)));
                    }
                    return changes;
                });
    }

    /** True when this node was not registered (first beat, purged by the others, or Redis restarted). */
    CompletableFuture<Boolean> heartbeat() {
        return redis.<Long>eval(ClusterScripts.HEARTBEAT, ScriptOutputType.INTEGER, new String[] {keys.nodes()}, nodeId)
                .toCompletableFuture().thenApply(added -> added == 1L);
    }

    /** Nodes silent for longer than {@code timeoutMillis}. */
    CompletableFuture<List<String>> staleNodes(long timeoutMillis) {
        return redis.<List<Object>>eval(ClusterScripts.STALE, ScriptOutputType.MULTI, new String[] {keys.nodes()},
                String.valueOf(timeoutMillis)).toCompletableFuture()
                .thenApply(list -> list.stream().map(String.class::cast).toList());
    }

    /** Removes this node from the cluster at shutdown (its connections are gone). */
    CompletableFuture<List<Change>> leaveCluster() {
        return sync(List.of()).thenCompose(changes -> redis.zrem(keys.nodes(), nodeId).toCompletableFuture()
                .thenApply(removed -> changes));
    }

    CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name) {
        CompletableFuture<List<String>> counts = redis.hvals(keys.subscriptions(appId, name)).toCompletableFuture();
        CompletableFuture<Long> users = isPresence(name)
                ? redis.hlen(keys.users(appId, name)).toCompletableFuture() : CompletableFuture.completedFuture(0L);
        return counts.thenCombine(users, (c, u) -> {
            int total = c.stream().mapToInt(Integer::parseInt).sum();
            return total > 0 ? Optional.of(new ChannelSummary(name, total, u.intValue())) : Optional.empty();
        });
    }

    CompletableFuture<List<ChannelSummary>> channels(String appId, String prefixFilter) {
        return redis.smembers(keys.channels(appId)).toCompletableFuture().thenCompose(names -> {
            List<CompletableFuture<Optional<ChannelSummary>>> each = new ArrayList<>();
            for (String name : names) {
                if (name.startsWith(prefixFilter) && !name.equals(USERS)) {
                    each.add(channel(appId, name));
                }
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<ChannelSummary> result = new ArrayList<>();
                for (CompletableFuture<Optional<ChannelSummary>> f : each) {
                    f.join().ifPresent(result::add);
                }
                return result;
            });
        });
    }

    /** Which of {@code userIds} are signed in on some node. */
    CompletableFuture<Set<String>> onlineUsers(String appId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        return redis.hmget(keys.users(appId, USERS), userIds.toArray(String[]::new)).toCompletableFuture()
                .thenApply(values -> {
                    Set<String> online = new HashSet<>();
                    values.forEach(kv -> {
                        if (kv.hasValue()) {
                            online.add(kv.getKey());
                        }
                    });
                    return online;
                });
    }

    CompletableFuture<List<String>> presenceUserIds(String appId, String channel) {
        return redis.hkeys(keys.users(appId, channel)).toCompletableFuture();
    }

    private static boolean isPresence(String channel) {
        return ChannelName.typeOf(channel) == ChannelType.PRESENCE;
    }

    /** Every member of a presence channel in the cluster, with the user_info each joined with. */
    CompletableFuture<Members> presenceMembers(String appId, String channel) {
        return redis.<List<Object>>eval(ClusterScripts.MEMBERS, ScriptOutputType.MULTI,
                new String[] {keys.infos(appId, channel), keys.presenceSequence()}).toCompletableFuture()
                .thenApply(flat -> {
                    List<PresenceMember> members = new ArrayList<>();
                    for (int i = 1; i + 1 < flat.size(); i += 2) {
                        members.add(new PresenceMember((String) flat.get(i), parse((String) flat.get(i + 1))));
                    }
                    return new Members((Long) flat.get(0), members);
                });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return NullNode.getInstance();
        }
    }

    /** One channel as this node holds it, for {@link #sync}. */
    record LocalChannel(String appId, String name, int subscriptionCount, List<PresenceMember> members) {
    }
}
