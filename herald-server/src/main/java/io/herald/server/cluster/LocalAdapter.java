package io.herald.server.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.PusherEvents;
import io.herald.server.channel.Channel;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.channel.ChannelRegistry;
import io.herald.server.channel.JoinResult;
import io.herald.server.channel.LeaveResult;
import io.herald.server.channel.MemberChange;
import io.herald.server.channel.PresenceMember;
import io.herald.server.message.Frames;
import io.herald.server.message.OutboundEvent;
import io.herald.server.user.UserConnection;
import io.herald.server.user.UserRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster of one: events go to this node's subscribers, queries read this node's channels, and
 * every local change is a cluster-wide change. Departures wait out the webhook grace here
 * ({@link GraceTimers}) before the listener hears of them, and a return within it is no change.
 */
public final class LocalAdapter implements Adapter {

    private final ChannelRegistries registries;
    private final UserRegistry users;
    private final EventCache cache;
    /** Departures in their webhook grace; {@code null}: reported at once. */
    private final GraceTimers grace;
    private volatile ClusterListener listener = ClusterListener.NONE;

    /** The adapter of a node on its own, with the webhook grace of its settings. */
    public LocalAdapter(ClusterNode node) {
        this(node.registries(), node.users(), node.options().cacheTtl(),
                new GraceTimers(node.timers(), node.options().webhookGrace()));
    }

    /**
     * This node's share of a cluster, or a node whose listener wants departures at once: no webhook
     * grace (a cluster adapter applies its own, cluster-wide).
     */
    public LocalAdapter(ChannelRegistries registries, UserRegistry users, Duration cacheTtl) {
        this(registries, users, cacheTtl, null);
    }

    private LocalAdapter(ChannelRegistries registries, UserRegistry users, Duration cacheTtl, GraceTimers grace) {
        this.registries = registries;
        this.users = users;
        this.cache = new EventCache(cacheTtl, System::nanoTime);
        this.grace = grace;
    }

    @Override
    public void listen(ClusterListener listener) {
        this.listener = listener;
    }

    @Override
    public void publish(String appId, OutboundEvent event) {
        if (isCacheable(event)) {
            cache.put(appId, event);
        }
        Channel channel = registries.forApp(appId).find(event.channel());
        if (channel != null) {
            channel.broadcast(Frames.wire(event), event.excludeSocketId());
        }
    }

    /**
     * Tells this node's subscribers of a presence change: {@code member_added} with the user info, or
     * {@code member_removed}, encoded once, to those whose member list predates it, never to the
     * connection that made it.
     */
    private static void announce(MemberChange change) {
        change.channel().broadcast(Frames.wire(memberEvent(change.channel().name(), change.member(), change.added())),
                change.socketId(), change.upToJoin());
    }

    /** {@code member_added} ({@code user_id}, {@code user_info}) or {@code member_removed} ({@code user_id}). */
    public static OutboundEvent memberEvent(String channel, PresenceMember member, boolean added) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("user_id", member.userId());
        if (added) {
            data.set("user_info", member.userInfo());
        }
        return OutboundEvent.server(channel, added ? PusherEvents.MEMBER_ADDED : PusherEvents.MEMBER_REMOVED,
                data.toString(), null);
    }

    /** The app's own events on cache channels; never client events or the protocol's events. */
    public static boolean isCacheable(OutboundEvent event) {
        return ChannelName.isCache(event.channel()) && !PusherEvents.isClientEvent(event.event())
                && !event.event().startsWith("pusher");
    }

    @Override
    public CompletableFuture<List<ChannelSummary>> channels(String appId, String prefix) {
        List<ChannelSummary> result = new ArrayList<>();
        for (Channel channel : registries.forApp(appId).channels()) {
            if (channel.name().startsWith(prefix)) {
                result.add(summarize(channel));
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name) {
        Channel channel = registries.forApp(appId).find(name);
        return CompletableFuture.completedFuture(Optional.ofNullable(channel).map(LocalAdapter::summarize));
    }

    @Override
    public CompletableFuture<List<String>> presenceUserIds(String appId, String name) {
        ChannelRegistry registry = registries.forApp(appId);
        Channel channel = registry.find(name);
        List<String> ids = new ArrayList<>();
        if (channel != null) {
            for (PresenceMember member : channel.members()) {
                ids.add(member.userId());
            }
        }
        return CompletableFuture.completedFuture(ids);
    }

    @Override
    public CompletableFuture<Optional<CachedEvent>> cachedEvent(String appId, String channel) {
        return CompletableFuture.completedFuture(cache.get(appId, channel));
    }

    @Override
    public void joined(String appId, String channel, JoinResult result) {
        if (result.memberAdded()) {
            announce(result.arrival());
        }
        if (result.occupied() && !returned(vacatedKey(appId, channel))) {
            listener.channelOccupied(appId, channel);
        }
        if (result.memberAdded() && !returned(removedKey(appId, channel, result.arrival().userId()))) {
            listener.memberAdded(appId, channel, result.arrival().userId());
        }
        listener.subscriptionCountChanged(appId, channel);
    }

    @Override
    public void left(String appId, String channel, LeaveResult result) {
        if (!result.left()) {
            return;
        }
        if (result.memberRemoved()) {
            announce(result.departure());
            String userId = result.departure().userId();
            depart(removedKey(appId, channel, userId), () -> listener.memberRemoved(appId, channel, userId));
        }
        if (result.vacated()) {
            depart(vacatedKey(appId, channel), () -> listener.channelVacated(appId, channel));
        }
        listener.subscriptionCountChanged(appId, channel);
    }

    @Override
    public void signedIn(String appId, String userId, UserConnection connection) {
        if (users.add(appId, userId, connection)) {
            listener.userOnline(appId, userId);
        }
    }

    @Override
    public void signedOut(String appId, String userId, UserConnection connection) {
        if (users.remove(appId, userId, connection)) {
            listener.userOffline(appId, userId);
        }
    }

    @Override
    public CompletableFuture<Set<String>> onlineUsers(String appId, Collection<String> userIds) {
        Set<String> online = new HashSet<>();
        for (String userId : userIds) {
            if (users.isSignedInHere(appId, userId)) {
                online.add(userId);
            }
        }
        return CompletableFuture.completedFuture(online);
    }

    @Override
    public void terminateUserConnections(String appId, String userId) {
        for (UserConnection connection : users.connections(appId, userId)) {
            connection.terminate();
        }
    }

    /** One node: only this one needs telling. */
    @Override
    public void appChanged(String appId) {
        listener.appChanged(appId);
    }

    /** Reports a departure when its grace ends, unless a return cancels it first. */
    private void depart(String key, Runnable report) {
        if (grace == null) {
            report.run();
        } else {
            grace.delay(key, report);
        }
    }

    /** Whether a return cancelled a departure still in its grace (the return is then no change). */
    private boolean returned(String key) {
        return grace != null && grace.cancel(key);
    }

    private static String vacatedKey(String appId, String channel) {
        return "v\u0000" + appId + '\u0000' + channel;
    }

    private static String removedKey(String appId, String channel, String userId) {
        return "m\u0000" + appId + '\u0000' + channel + '\u0000' + userId;
    }

    @Override
    public void releaseDepartures() {
        if (grace != null) {
            grace.flush();
        }
    }

    private static ChannelSummary summarize(Channel channel) {
        return new ChannelSummary(channel.name(), channel.subscriptionCount(), channel.memberCount());
    }

    @Override
    public void close() {
        // nothing held beyond this node's memory
    }
}
