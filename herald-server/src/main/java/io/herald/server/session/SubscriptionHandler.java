package io.herald.server.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.PusherEvents;
import io.herald.server.channel.Channel;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.channel.ChannelRegistry;
import io.herald.server.channel.JoinResult;
import io.herald.server.channel.LeaveResult;
import io.herald.server.channel.PresenceMember;
import io.herald.server.cluster.Adapter;
import io.herald.server.message.Frames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pusher:subscribe} and {@code pusher:unsubscribe}: authorizes, joins or leaves the channel,
 * answers the subscriber, reports joins and leaves to the adapter (which announces presence changes)
 * and sends cache channels' last event. Runs on the connection's event loop.
 */
final class SubscriptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionHandler.class);

    private final ChannelRegistries registries;
    private final Adapter adapter;
    private final SessionEvents events;

    SubscriptionHandler(ChannelRegistries registries, Adapter adapter, SessionEvents events) {
        this.registries = registries;
        this.adapter = adapter;
        this.events = events;
    }

    void subscribe(Connection connection, String channel, String auth, String channelData) {
        try {
            String problem = ChannelName.problem(channel, connection.app().limits().maxChannelNameLength());
            if (problem != null) {
                throw SubscriptionRefused.badRequest(problem);
            }
            ChannelRegistry registry = registries.forApp(connection.app().id());
            if (connection.isSubscribed(channel)) {
                // Clients resubscribe after hiccups; confirm again without joining twice.
                Channel current = registry.find(channel);
                connection.send(succeeded(channel, current.type() == ChannelType.PRESENCE ? current.members() : List.of()));
                return;
            }
            int maxChannels = connection.app().limits().maxChannelsPerConnection();
            if (connection.subscriptionCount() >= maxChannels) {
                // Before authorizing: a refused attempt costs no signature check and leaves nothing behind.
                throw SubscriptionRefused.limit("this connection is subscribed to " + maxChannels
                        + " channels, the most allowed (limits.max-channels-per-connection); unsubscribe from one first");
            }
            ChannelType type = ChannelName.typeOf(channel);
            PresenceMember member = ChannelAuthorizer.authorize(connection.app(), connection.socketId(),
                    connection.userId(), channel, type, auth, channelData);
            adapter.reportAtomically(() -> join(connection, registry, channel, type, member));
            events.subscribed(connection, channel);
        } catch (SubscriptionRefused refused) {
            log.debug("Refused a subscription to {}: {}", channel, refused.getMessage());
            connection.send(refused.frame(channel));
        }
    }

    /** Joins the channel, answers the subscriber (once the cluster's members are known) and reports the join. */
    private void join(Connection connection, ChannelRegistry registry, String channel, ChannelType type, PresenceMember member) {
        JoinResult joined = registry.join(channel, connection, member, connection.app().limits());
        if (joined.isRefused()) {
            throw SubscriptionRefused.limit(joined.refusal());
        }
        String userId = member == null ? null : member.userId();
        // Keyed by the channel's own name: one String for all its subscribers, not one per subscribe frame.
        connection.addSubscription(joined.channel().name(), userId);
        // Sent only now that the channel is visible to publishers: a client that triggers an event
        // as soon as it hears subscription_succeeded must not find a new channel still missing.
        // A cluster adds the other nodes' presence members; a single node answers at once.
        CompletableFuture<List<PresenceMember>> members = type == ChannelType.PRESENCE
                ? adapter.presenceMembers(connection.app().id(), channel, joined)
                        .exceptionally(failure -> joined.members())
                : CompletableFuture.completedFuture(List.of());
        CompletableFuture<Void> answered = members.thenAccept(list -> connection.send(succeeded(channel, list)));
        if (ChannelName.isCache(channel)) {
            // first: right after subscription_succeeded
            answered.thenRun(() -> sendCachedEvent(connection, channel));
        }
        adapter.joined(connection.app().id(), channel, joined);
    }

    void unsubscribe(Connection connection, String channel) {
        String userId = connection.presenceUserId(channel);
        if (connection.removeSubscription(channel)) {
            leave(connection, channel, userId);
        }
    }

    /** Leaves every channel; called once when the socket closes. */
    void unsubscribeAll(Connection connection) {
        for (var subscription : new ArrayList<>(connection.subscriptions().entrySet())) {
            connection.removeSubscription(subscription.getKey());
            leave(connection, subscription.getKey(), subscription.getValue());
        }
    }

    /** Right after subscription_succeeded: the channel's last event, or pusher:cache_miss and its webhook. */
    private void sendCachedEvent(Connection connection, String channel) {
        adapter.cachedEvent(connection.app().id(), channel).thenAccept(cached -> {
            if (cached.isPresent()) {
                connection.send(Frames.encode(cached.get().event()));
            } else {
                connection.send(Frames.event(PusherEvents.CACHE_MISS, channel, "{}"));
                events.cacheMiss(connection.app(), channel);
            }
        });
    }

    private void leave(Connection connection, String channel, String userId) {
        adapter.reportAtomically(() -> {
            LeaveResult result = registries.forApp(connection.app().id()).leave(channel, connection, userId);
            adapter.left(connection.app().id(), channel, result);
        });
        events.unsubscribed(connection, channel);
    }

    private static TextWebSocketFrame succeeded(String channel, List<PresenceMember> members) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (ChannelName.typeOf(channel) == ChannelType.PRESENCE) {
            ObjectNode presence = data.putObject("presence");
            var ids = presence.putArray("ids");
            ObjectNode hash = presence.putObject("hash");
            for (PresenceMember m : members) {
                ids.add(m.userId());
                hash.set(m.userId(), m.userInfo());
            }
            presence.put("count", members.size());
        }
        return Frames.event(PusherEvents.SUBSCRIPTION_SUCCEEDED, channel, data.toString());
    }
}
