package io.herald.server.cluster;

import io.herald.protocol.ChannelName;
import io.herald.protocol.PusherEvents;
import io.herald.server.channel.Channel;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.channel.ChannelRegistry;
import io.herald.server.channel.JoinResult;
import io.herald.server.channel.LeaveResult;
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
 * every local change is a cluster-wide change.
 */
public final class LocalAdapter implements Adapter {

    private final ChannelRegistries registries;
    private final UserRegistry users;
    private final EventCache cache;
    private volatile ClusterListener listener = ClusterListener.NONE;

    public LocalAdapter(ChannelRegistries registries, UserRegistry users, Duration cacheTtl) {
        this.registries = registries;
        this.users = users;
        this.cache = new EventCache(cacheTtl, System::nanoTime);
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
    public void joined(String appId, String channel, JoinResult result, String userId) {
        if (result.occupied()) {
            listener.channelOccupied(appId, channel);
        }
        if (result.memberAdded()) {
            listener.memberAdded(appId, channel, userId);
        }
        listener.subscriptionCountChanged(appId, channel);
    }

    @Override
    public void left(String appId, String channel, LeaveResult result, String userId) {
        if (!result.left()) {
            return;
        }
        if (result.memberRemoved()) {
            listener.memberRemoved(appId, channel, userId);
        }
        if (result.vacated()) {
            listener.channelVacated(appId, channel);
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

    private static ChannelSummary summarize(Channel channel) {
        return new ChannelSummary(channel.name(), channel.subscriptionCount(), channel.memberCount());
    }

    @Override
    public void close() {
        // nothing held beyond this node's memory
    }
}
