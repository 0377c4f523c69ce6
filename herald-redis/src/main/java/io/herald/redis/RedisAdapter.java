package io.herald.redis;

import io.herald.server.channel.JoinResult;
import io.herald.server.channel.LeaveResult;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.CachedEvent;
import io.herald.server.cluster.ChannelSummary;
import io.herald.server.cluster.ClusterListener;
import io.herald.server.cluster.ClusterNode;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.message.OutboundEvent;
import io.herald.server.user.UserConnection;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the nodes that share a Redis into one server. An event is delivered to this node's
 * subscribers at once and published, once, on the cluster's Redis channel; every other node delivers
 * it to its own subscribers (encoding it once, honouring the excluded socket). Publishing never waits
 * for Redis: the command is sent asynchronously and a failure only loses the remote delivery.
 * Commands are rejected rather than buffered while Redis is unreachable, so memory stays bounded.
 */
final class RedisAdapter implements Adapter {

    private static final Logger log = LoggerFactory.getLogger(RedisAdapter.class);

    private final String nodeId = UUID.randomUUID().toString();
    private final LocalAdapter local;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final String eventsChannel;

    RedisAdapter(ClusterNode node) {
        this.local = new LocalAdapter(node.registries(), node.users(), node.options().cacheTtl());
        this.eventsChannel = node.options().redisKeyPrefix() + "events";
        this.client = RedisClient.create(RedisURI.create(node.options().redisUrl()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            this.commands = client.connect();
            this.pubSub = client.connectPubSub();
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    receive(message);
                }
            });
            // Start-up only, off the event loops: a node must not serve before it hears the cluster.
            pubSub.sync().subscribe(eventsChannel);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("redis-url: cannot connect to Redis: " + e.getMessage(), e);
        }
        log.info("Node {} joined the Redis cluster on channel {}", nodeId, eventsChannel);
    }

    String nodeId() {
        return nodeId;
    }

    @Override
    public void listen(ClusterListener listener) {
        local.listen(listener);
    }

    @Override
    public void publish(String appId, OutboundEvent event) {
        local.publish(appId, event);
        String envelope = new Envelope(nodeId, appId, event).encode();
        commands.async().publish(eventsChannel, envelope).exceptionally(e -> {
            log.debug("Event on {} not published to the other nodes: {}", event.channel(), e.toString());
            return 0L;
        });
    }

    private void receive(String message) {
        try {
            Envelope envelope = Envelope.decode(message);
            if (!envelope.nodeId().equals(nodeId)) {
                local.publish(envelope.appId(), envelope.event());
            }
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed message on {}: {}", eventsChannel, e.getMessage());
        }
    }

    @Override
    public CompletableFuture<List<ChannelSummary>> channels(String appId, String prefix) {
        return local.channels(appId, prefix);
    }

    @Override
    public CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name) {
        return local.channel(appId, name);
    }

    @Override
    public CompletableFuture<List<String>> presenceUserIds(String appId, String channel) {
        return local.presenceUserIds(appId, channel);
    }

    @Override
    public CompletableFuture<Optional<CachedEvent>> cachedEvent(String appId, String channel) {
        return local.cachedEvent(appId, channel);
    }

    @Override
    public void joined(String appId, String channel, JoinResult result, String userId) {
        local.joined(appId, channel, result, userId);
    }

    @Override
    public void left(String appId, String channel, LeaveResult result, String userId) {
        local.left(appId, channel, result, userId);
    }

    @Override
    public void signedIn(String appId, String userId, UserConnection connection) {
        local.signedIn(appId, userId, connection);
    }

    @Override
    public void signedOut(String appId, String userId, UserConnection connection) {
        local.signedOut(appId, userId, connection);
    }

    @Override
    public CompletableFuture<Set<String>> onlineUsers(String appId, Collection<String> userIds) {
        return local.onlineUsers(appId, userIds);
    }

    @Override
    public void terminateUserConnections(String appId, String userId) {
        local.terminateUserConnections(appId, userId);
    }

    @Override
    public boolean isReady() {
        return commands.isOpen() && pubSub.isOpen();
    }

    @Override
    public void close() {
        pubSub.close();
        commands.close();
        client.shutdown();
        local.close();
    }
}
