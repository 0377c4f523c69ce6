package io.herald.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The adapter's two connections, commands and pub/sub, to the Redis a {@code redis-url} names: one
 * server or Sentinel through {@link RedisClient}, or a Redis Cluster ({@link ClusterUrl}) through
 * {@link RedisClusterClient}. Callers see only the interfaces both share. In a Redis Cluster a PUBLISH
 * on any node reaches the subscribers of every node, so the pub/sub connection may use any of them.
 * Owns the client's threads and closes everything at once.
 */
final class RedisConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnections.class);

    /**
     * Reconnect soon after Redis (or a new master) is back: retries back off from 100 ms to this. Short,
     * so that the nodes, which lost Redis together, come back within about this of each other.
     */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    /**
     * A Redis whose host vanished (power loss, network partition) sends no reset: without these the
     * connection would wait for the kernel's retransmission timeout, many minutes, before reconnecting
     * (to the new master, behind Sentinel). The heartbeat writes every few seconds, so data unacknowledged
     * for {@link #DEAD_PEER_TIMEOUT} closes the connection; keepalive probes cover a connection at rest.
     * Takes effect with the native epoll transport Netty uses on Linux.
     */
    static final Duration DEAD_PEER_TIMEOUT = Duration.ofSeconds(10);
    private static final SocketOptions DEAD_PEER = SocketOptions.builder()
            .keepAlive(SocketOptions.KeepAliveOptions.builder().enable()
                    .idle(Duration.ofSeconds(5)).interval(Duration.ofSeconds(2)).count(3).build())
            .tcpUserTimeout(SocketOptions.TcpUserTimeoutOptions.builder().enable()
                    .tcpUserTimeout(DEAD_PEER_TIMEOUT).build())
            .build();

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final RoundTrips roundTrips;
    private final AtomicLong reconnects = new AtomicLong();
    private Disposable reconnectWatch = () -> { };

    private RedisConnections(ClientResources resources, RoundTrips roundTrips, AbstractRedisClient client,
                             StatefulConnection<String, String> connection,
                             RedisClusterAsyncCommands<String, String> commands,
                             StatefulRedisPubSubConnection<String, String> pubSub) {
        this.resources = resources;
        this.roundTrips = roundTrips;
        this.client = client;
        this.connection = connection;
        this.commands = commands;
        this.pubSub = pubSub;
    }

    /**
     * Connects both; a malformed URL fails with an {@link IllegalArgumentException}, an unreachable
     * Redis with an {@link IllegalStateException}, each naming {@code redis-url}.
     */
    static RedisConnections open(String url) {
        boolean cluster = ClusterUrl.isCluster(url);
        List<RedisURI> seeds = cluster ? ClusterUrl.seeds(url) : List.of(standalone(url));
        RoundTrips roundTrips = new RoundTrips();
        ClientResources resources = DefaultClientResources.builder()
                .commandLatencyRecorder(roundTrips)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        // Rejected rather than buffered while Redis is unreachable, so memory stays bounded.
        ClientOptions options = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(DEAD_PEER)
                .build();
        AbstractRedisClient client = null;
        try {
            if (cluster) {
                RedisClusterClient clusterClient = RedisClusterClient.create(resources, seeds);
                client = clusterClient;
                // Follows failovers and resharding: on MOVED/ASK and lost nodes at once, else every 30 s.
                clusterClient.setOptions(ClusterClientOptions.builder(options)
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enablePeriodicRefresh(Duration.ofSeconds(30))
                                .enableAllAdaptiveRefreshTriggers()
                                .build())
                        .build());
                StatefulRedisClusterConnection<String, String> connection = clusterClient.connect();
                connectMasters(connection);
                return new RedisConnections(resources, roundTrips, client, connection, connection.async(),
                        clusterClient.connectPubSub());
            }
            RedisClient singleClient = RedisClient.create(resources, seeds.get(0));
            client = singleClient;
            singleClient.setOptions(options);
            StatefulRedisConnection<String, String> connection = singleClient.connect();
            return new RedisConnections(resources, roundTrips, client, connection, connection.async(), singleClient.connectPubSub());
        } catch (RuntimeException e) {
            if (client != null) {
                client.shutdown();
            }
            resources.shutdown();
            throw new IllegalStateException("redis-url: cannot connect to Redis: " + e.getMessage(), e);
        }
    }

    /**
     * Lettuce connects to a node on its first command, and rejects that command under REJECT_COMMANDS
     * while connecting: connect to every master before serving. A master that cannot be reached now is
     * left to that first command (Herald's own slot is on one master, the others only relay PUBLISH).
     */
    private static void connectMasters(StatefulRedisClusterConnection<String, String> connection) {
        for (RedisClusterNode node : connection.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                try {
                    connection.getConnection(node.getUri().getHost(), node.getUri().getPort());
                } catch (RuntimeException e) {
                    log.warn("Redis Cluster master {} not reachable at start-up: {}", node.getUri(), e.getMessage());
                }
            }
        }
    }

    /** A redis://, rediss:// or Sentinel URL, parsed by Lettuce. */
    private static RedisURI standalone(String url) {
        try {
            return RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redis-url is malformed: " + e.getMessage() + ", was \"" + ClusterUrl.redacted(url) + "\"", e);
        }
    }

    /** Commands on a single Redis, or routed to the slot's master in a Redis Cluster. */
    RedisClusterAsyncCommands<String, String> commands() {
        return commands;
    }

    StatefulRedisPubSubConnection<String, String> pubSub() {
        return pubSub;
    }

    /**
     * Runs {@code action} (on a Lettuce thread: it must not block) each time a connection is ready
     * again after it was lost: to Redis back from an outage, or to the new master after a failover.
     */
    void onReconnected(Runnable action) {
        reconnectWatch = resources.eventBus().get()
                .filter(ConnectionActivatedEvent.class::isInstance)
                .subscribe(event -> {
                    reconnects.incrementAndGet();
                    action.run();
                });
    }

    /** Commands Redis has answered so far. */
    long roundTrips() {
        return roundTrips.count();
    }

    /** Connections made again after they were lost (counted once {@link #onReconnected} watches). */
    long reconnects() {
        return reconnects.get();
    }

    boolean isOpen() {
        return connection.isOpen() && pubSub.isOpen();
    }

    @Override
    public void close() {
        reconnectWatch.dispose();
        pubSub.close();
        connection.close();
        client.shutdown();
        resources.shutdown();
    }
}
