package io.herald.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.channel.Channel;
import io.herald.server.channel.JoinResult;
import io.herald.server.channel.PresenceMember;
import io.herald.server.channel.LeaveResult;
import io.herald.server.channel.MemberChange;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.CachedEvent;
import io.herald.server.cluster.ChannelSummary;
import io.herald.server.cluster.ClusterListener;
import io.herald.server.cluster.ClusterNode;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.cluster.OtherNodesConnections;
import io.herald.server.log.ThrottledLog;
import io.herald.server.message.OutboundEvent;
import io.herald.server.user.UserConnection;
import io.herald.server.webhook.WebhookQueue;
import io.herald.server.metrics.MessageCounts;
import io.herald.server.metrics.NodeMetrics;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the nodes that share a Redis (one server, Sentinel or a Redis Cluster: {@link RedisConnections})
 * into one server. An event is delivered to this node's subscribers at once and published, once, on
 * the cluster's Redis channel; every other node delivers it to its own subscribers (encoding it once,
 * honouring the excluded socket). Publishing never waits for Redis: the command is sent
 * asynchronously and a failure only loses the remote delivery.
 * Commands are rejected rather than buffered while Redis is unreachable, so memory stays bounded.
 *
 * <p>Channel occupancy and presence membership live in Redis ({@link ClusterState}); the node whose
 * script makes the change reports it, so webhooks are decided once per cluster. A heartbeat thread
 * keeps this node registered, re-synchronises its whole state after Redis was lost or restarted, and
 * purges nodes silent for longer than {@code node-timeout}.
 */
final class RedisAdapter implements Adapter {

    private static final Logger log = LoggerFactory.getLogger(RedisAdapter.class);

    /** Twice the longest reconnect backoff ({@link RedisConnections}), so the other nodes are back too. */
    private static final Duration RESYNC_AFTER_RECONNECT = RedisConnections.MAX_RECONNECT_DELAY.multipliedBy(2);

    private final String nodeId = UUID.randomUUID().toString();
    /**
     * A presence subscriber answered without the other nodes' members: worth telling, not per subscribe.
     * One per node, so that each node's first such answer is logged with its cause.
     */
    private final ThrottledLog incompleteMembers = new ThrottledLog(log,
            "Could not read a presence channel's members from Redis; answered subscribers with this node's members only");
    private final LocalAdapter local;
    private final RedisConnections redis;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final RedisKeys keys;
    private final String eventsChannel;
    private final String controlChannel;
    /** The debug console's channel: watch announcements and feed entries, only while a console watches. */
    private final String consoleChannel;
    /** Users signed in on this node, per app: the node's share of {@link ClusterState#USERS}. */
    private final ConcurrentHashMap<String, Set<String>> signedInHere = new ConcurrentHashMap<>();
    private final ClusterNode node;
    private final ClusterState state;
    private final ScheduledExecutorService heartbeats;
    private final HeldDepartures departures;
    private final long timeoutMillis;
    private final Duration cacheTtl;
    /** The webhook queues this node may deliver from; the heartbeat renews its claim on them. */
    private final List<RedisWebhookQueue> webhookQueues = new CopyOnWriteArrayList<>();
    /** What this node's presence subscribers were told, ordered by the cluster's presence sequence. */
    private final PresenceViews presence = new PresenceViews();
    private volatile ClusterListener listener = ClusterListener.NONE;
    /** Each app's connections and messages on the other nodes, and how many nodes, as of the last heartbeat. */
    private final SharedActivity activity;
    /** The admin API's connection list, asked of and answered for the other nodes. */
    private final ConnectionListRequests connectionLists;
    /**
     * Held shared from each change of this node's state until its Redis command is sent, and exclusively
     * while a re-synchronisation reads the whole state and sends it: Redis then runs every change either
     * before the snapshot that holds it or after the one that doesn't, never counted twice or lost.
     */
    private final ReentrantReadWriteLock snapshotLock = new ReentrantReadWriteLock();
    /** Set when Redis may have missed a change of this node's state; the next heartbeat re-synchronises. */
    private volatile boolean needsSync = true;
    /** When a connection to Redis was last re-established ({@link System#nanoTime()}). */
    private volatile long reconnectedAt = System.nanoTime() - RESYNC_AFTER_RECONNECT.toNanos();

    RedisAdapter(ClusterNode node, RedisOptions options) {
        this.local = new LocalAdapter(node.registries(), node.users(), node.options().cacheTtl());
        this.keys = new RedisKeys(options.keyPrefix());
        this.cacheTtl = node.options().cacheTtl();
        // Pub/sub channels are not keys: they need no hash tag, and a PUBLISH reaches a whole Redis Cluster.
        this.eventsChannel = options.keyPrefix() + "events";
        this.controlChannel = options.keyPrefix() + "control";
        this.consoleChannel = options.keyPrefix() + "console";
        this.redis = RedisConnections.open(options.url());
        this.commands = redis.commands();
        this.timeoutMillis = options.nodeTimeout().toMillis();
        this.activity = new SharedActivity(node, keys, nodeId, timeoutMillis, commands);
        this.connectionLists = new ConnectionListRequests(nodeId, options.keyPrefix() + "admin",
                options.keyPrefix() + "admin:", commands, node.connections(), node.timers(),
                () -> activity.liveNodes() - 1);
        try {
            redis.pubSub().addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    if (channel.equals(eventsChannel)) {
                        receive(message);
                    } else if (channel.equals(consoleChannel)) {
                        receiveConsole(message);
                    } else if (channel.equals(connectionLists.requestChannel())) {
                        connectionLists.receiveRequest(message);
                    } else if (channel.equals(connectionLists.answerChannel())) {
                        connectionLists.receivePage(message);
                    } else {
                        control(message);
                    }
                }
            });
            // Start-up only, off the event loops: a node must not serve before it hears the cluster.
            redis.pubSub().sync().subscribe(eventsChannel, controlChannel, consoleChannel,
                    connectionLists.requestChannel(), connectionLists.answerChannel());
        } catch (RuntimeException e) {
            redis.close();
            throw new IllegalStateException("redis-url: cannot subscribe on Redis: " + e.getMessage(), e);
        }
        this.node = node;
        this.state = new ClusterState(keys, nodeId, commands, node.options().webhookGrace());
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-redis-heartbeat");
            t.setDaemon(true);
            return t;
        });
        this.departures = new HeldDepartures(state, heartbeats, node.options().webhookGrace(), nodeId);
        long every = Math.max(50, Math.min(timeoutMillis / 3, 5_000));
        // The first beat registers the node and synchronises its (empty) state before it serves, so a
        // late first sync can't race the first joins and report their changes out of order.
        beat();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        // Back on Redis (or on a new master): re-synchronise soon rather than at the next beat.
        redis.onReconnected(this::resyncSoon);
        log.info("Node {} joined the Redis cluster on channel {}", nodeId, eventsChannel);
    }

    /**
     * Schedules a beat that re-synchronises; called on a Lettuce thread, so it only hands the work over.
     * It waits {@link #RESYNC_AFTER_RECONNECT}, and so does any beat meanwhile, so that the other nodes'
     * pub/sub connections, lost at the same moment, are back to hear the member changes it announces
     * (pub/sub keeps nothing for later).
     */
    private void resyncSoon() {
        needsSync = true;
        reconnectedAt = System.nanoTime();
        try {
            heartbeats.schedule(this::beat, RESYNC_AFTER_RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the node is leaving the cluster
        }
    }

    /** On the heartbeat thread (never an event loop), so it may wait for Redis, briefly. */
    private void beat() {
        Duration wait = Duration.ofSeconds(5);
        webhookQueues.forEach(RedisWebhookQueue::renew); // first: a failing step below must not cost the claim
        try {
            boolean unknown = state.heartbeat().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if ((unknown || needsSync) && System.nanoTime() - reconnectedAt >= RESYNC_AFTER_RECONNECT.toNanos()) {
                needsSync = false;
                // This node's subscribers heard of its own changes when they happened (made while Redis
                // was away, they were told here only): the sync tells the others.
                CompletableFuture<List<ClusterState.Change>> synced;
                snapshotLock.writeLock().lock();
                try {
                    synced = state.sync(localChannels());
                } finally {
                    snapshotLock.writeLock().unlock();
                }
                report(synced.get(wait.toMillis(), TimeUnit.MILLISECONDS), false);
            }
            activity.share(wait);
            for (String stale : state.staleNodes(timeoutMillis).get(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!stale.equals(nodeId)) {
                    List<ClusterState.Change> changes = state.purge(stale, timeoutMillis)
                            .get(wait.toMillis(), TimeUnit.MILLISECONDS);
                    if (!changes.isEmpty()) {
                        log.warn("Node {} stopped answering; removed its connections' state", stale);
                    }
                    report(changes, true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            needsSync = true;
            log.debug("Heartbeat failed, will re-synchronise: {}", e.toString());
        }
    }

    @Override
    public int nodeCount() {
        return activity.liveNodes();
    }

    @Override
    public int connectionsElsewhere(String appId) {
        return activity.connectionsElsewhere(appId);
    }

    @Override
    public MessageCounts messagesElsewhere(String appId) {
        return activity.messagesElsewhere(appId);
    }

    @Override
    public CompletableFuture<OtherNodesConnections> connectionsOnOtherNodes(String appId, int limit) {
        return connectionLists.ask(appId, limit);
    }

    private List<ClusterState.LocalChannel> localChannels() {
        List<ClusterState.LocalChannel> result = new ArrayList<>();
        for (App app : node.options().apps()) {
            for (Channel channel : node.registries().forApp(app.id()).channels()) {
                result.add(new ClusterState.LocalChannel(app.id(), channel.name(), channel.subscriptionCount(),
                        channel.members()));
            }
            List<PresenceMember> users = new ArrayList<>();
            for (String userId : signedInHere.getOrDefault(app.id(), Set.of())) {
                users.add(new PresenceMember(userId, NullNode.getInstance()));
            }
            result.add(new ClusterState.LocalChannel(app.id(), ClusterState.USERS, users.size(), users));
        }
        return result;
    }

    /**
     * Reports what a sync or purge decided; a member who joined or left the cluster is also told to
     * subscribers, this node's own only if {@code toLocalSubscribers}.
     */
    private void report(List<ClusterState.Change> changes, boolean toLocalSubscribers) {
        for (ClusterState.Change c : changes) {
            if (c.channel().equals(ClusterState.USERS)) {
                if (c.kind().startsWith("m")) {
                    sendControl(c.kind().equals("m+") ? "online" : "offline", c.appId(), c.userId());
                }
                continue;
            }
            switch (c.kind()) {
                case "o" -> listener.channelOccupied(c.appId(), c.channel());
                case "v" -> listener.channelVacated(c.appId(), c.channel());
                case "m+" -> {
                    listener.memberAdded(c.appId(), c.channel(), c.userId());
                    announceMember(c, true, toLocalSubscribers);
                }
                case "m-" -> {
                    listener.memberRemoved(c.appId(), c.channel(), c.userId());
                    announceMember(c, false, toLocalSubscribers);
                }
                default -> { }
            }
            if (!c.kind().startsWith("m")) {
                listener.subscriptionCountChanged(c.appId(), c.channel());
            }
        }
    }

    /**
     * Announces a member change a sync or purge found: to the other nodes' subscribers, and to this
     * node's own if {@code toLocalSubscribers}. An arrival is one of this node's members, with its info.
     */
    private void announceMember(ClusterState.Change c, boolean added, boolean toLocalSubscribers) {
        PresenceMember member = new PresenceMember(c.userId(), NullNode.getInstance());
        if (added) {
            Channel channel = node.registries().forApp(c.appId()).find(c.channel());
            if (channel == null) {
                return; // left again since the sync, which reports that departure in turn
            }
            member = localMember(channel, c.userId());
        }
        if (toLocalSubscribers) {
            presence.announce(c.appId(), c.channel(), member, added, c.seq());
        }
        announceElsewhere(c.appId(), c.channel(), member, added, c.seq());
    }

    /** Sends a member change this node decided to the other nodes, without waiting for Redis. */
    private void announceElsewhere(String appId, String channel, PresenceMember member, boolean added, long seq) {
        commands.publish(eventsChannel, new MemberEnvelope(nodeId, appId, channel, member, added, seq).encode())
                .exceptionally(e -> {
                    log.debug("Member change on {} not published to the other nodes: {}", channel, e.toString());
                    return 0L;
                });
    }

    String nodeId() {
        return nodeId;
    }

    @Override
    public void listen(ClusterListener listener) {
        this.listener = listener;
        local.listen(listener);
    }

    @Override
    public void publish(String appId, OutboundEvent event) {
        local.publish(appId, event);
        publishElsewhere(appId, event);
    }

    /** Sends {@code event} to the other nodes' subscribers only, without waiting for Redis. */
    private void publishElsewhere(String appId, OutboundEvent event) {
        String envelope = new Envelope(nodeId, appId, event).encode();
        if (LocalAdapter.isCacheable(event)) {
            // Shared with nodes that start later; each node also keeps the events it relays.
            commands.psetex(keys.cache(appId, event.channel()), cacheTtl.toMillis(), envelope)
                    .exceptionally(e -> null);
        }
        commands.publish(eventsChannel, envelope).exceptionally(e -> {
            log.debug("Event on {} not published to the other nodes: {}", event.channel(), e.toString());
            return 0L;
        });
    }

    private void receive(String message) {
        try {
            JsonNode json = Envelope.parse(message);
            if (MemberEnvelope.isMemberChange(json)) {
                MemberEnvelope change = MemberEnvelope.decode(json);
                if (!change.nodeId().equals(nodeId)) {
                    presence.announce(change.appId(), change.channel(), change.member(), change.added(), change.seq());
                }
                return;
            }
            Envelope envelope = Envelope.decode(json);
            if (!envelope.nodeId().equals(nodeId)) {
                local.publish(envelope.appId(), envelope.event());
            }
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed message on {}: {}", eventsChannel, e.getMessage());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public CompletableFuture<List<ChannelSummary>> channels(String appId, String prefix) {
        return state.channels(appId, prefix).exceptionallyCompose(e -> local.channels(appId, prefix));
    }

    @Override
    public CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name) {
        return state.channel(appId, name).exceptionallyCompose(e -> local.channel(appId, name));
    }

    @Override
    public CompletableFuture<List<String>> presenceUserIds(String appId, String channel) {
        return state.presenceUserIds(appId, channel).exceptionallyCompose(e -> local.presenceUserIds(appId, channel));
    }

    @Override
    public CompletableFuture<Optional<CachedEvent>> cachedEvent(String appId, String channel) {
        return local.cachedEvent(appId, channel).thenCompose(here -> {
            if (here.isPresent()) {
                return CompletableFuture.completedFuture(here);
            }
            String key = keys.cache(appId, channel);
            CompletableFuture<String> value = commands.get(key).toCompletableFuture();
            CompletableFuture<Long> ttl = commands.pttl(key).toCompletableFuture();
            return value.thenCombine(ttl, (envelope, millis) -> envelope == null || millis <= 0
                    ? Optional.<CachedEvent>empty()
                    : Optional.of(new CachedEvent(Envelope.decode(envelope).event(), Duration.ofMillis(millis))))
                    .exceptionally(e -> Optional.empty());
        });
    }

    @Override
    public void reportAtomically(Runnable changeAndReport) {
        snapshotLock.readLock().lock();
        try {
            changeAndReport.run();
        } finally {
            snapshotLock.readLock().unlock();
        }
    }

    @Override
    public void joined(String appId, String channel, JoinResult result) {
        MemberChange arrival = result.arrival();
        state.join(appId, channel, arrival == null ? null : arrival.member()).whenComplete((outcome, failure) -> {
            if (failure != null) {
                needsSync = true;
                announceHere(appId, arrival); // this node's view at least; the sync tells the others
                return;
            }
            // A return within a departure's grace (decided on any node) is no change for webhooks.
            if (outcome.total() == 1 && !outcome.channelReturned()) {
                listener.channelOccupied(appId, channel);
            }
            if (outcome.memberChanged()) {
                announce(appId, arrival, outcome.seq());
                if (!outcome.memberReturned()) {
                    listener.memberAdded(appId, channel, arrival.userId());
                }
            }
            listener.subscriptionCountChanged(appId, channel);
        });
    }

    /** Announces a member change the cluster confirmed, numbered {@code seq}: here, then on the other nodes. */
    private void announce(String appId, MemberChange change, long seq) {
        String channel = change.channel().name();
        presence.announce(appId, channel, change.member(), change.added(), seq);
        announceElsewhere(appId, channel, change.member(), change.added(), seq);
    }

    /** Redis could not decide: this node's subscribers hear of the change (unnumbered), the others after the sync. */
    private void announceHere(String appId, MemberChange change) {
        if (change != null) {
            presence.announce(appId, change.channel().name(), change.member(), change.added(), 0);
        }
    }

    private static PresenceMember localMember(Channel channel, String userId) {
        for (PresenceMember member : channel.members()) {
            if (member.userId().equals(userId)) {
                return member;
            }
        }
        return new PresenceMember(userId, NullNode.getInstance());
    }

    /**
     * The cluster's members from Redis, with the joiner itself (its own join may reach Redis later), as
     * of a presence sequence number; {@link PresenceViews} then sends it every later change, and no
     * earlier one. Without Redis, this node's members.
     */
    @Override
    public CompletableFuture<List<PresenceMember>> presenceMembers(String appId, String channel, JoinResult joined) {
        PresenceMember self = joined.member();
        PresenceViews.View view = presence.open(appId, channel, joined.subscriber(), self.userId());
        CompletableFuture<List<PresenceMember>> answer = new CompletableFuture<>();
        state.presenceMembers(appId, channel).whenComplete((cluster, failure) -> {
            if (failure != null) {
                incompleteMembers.occurred(appId + " " + channel, failure);
                // Every numbered change from now on is news to a list made of this node's members alone.
                presence.listed(view, 0, () -> answer.complete(joined.members()));
                return;
            }
            Map<String, PresenceMember> merged = new LinkedHashMap<>();
            for (PresenceMember member : cluster.members()) {
                merged.put(member.userId(), member);
            }
            merged.put(self.userId(), self);
            presence.listed(view, cluster.seq(), () -> answer.complete(List.copyOf(merged.values())));
        });
        return answer;
    }

    @Override
    public void left(String appId, String channel, LeaveResult result) {
        if (!result.left()) {
            return;
        }
        presence.close(appId, channel, result.subscriber());
        MemberChange departure = result.departure();
        String token = departures.newToken();
        state.leave(appId, channel, departure == null ? null : departure.userId(), token).whenComplete((outcome, failure) -> {
            if (failure != null) {
                needsSync = true;
                announceHere(appId, departure);
                return;
            }
            if (outcome.memberChanged()) {
                announce(appId, departure, outcome.seq());
                departures.hold(appId, channel, departure.userId(), token,
                        () -> listener.memberRemoved(appId, channel, departure.userId()));
            }
            if (outcome.total() == 0) {
                departures.hold(appId, channel, null, token, () -> listener.channelVacated(appId, channel));
            }
            if (outcome.total() >= 0) {
                listener.subscriptionCountChanged(appId, channel);
            }
        });
    }

    @Override
    public void signedIn(String appId, String userId, UserConnection connection) {
        reportAtomically(() -> signIn(appId, userId, connection));
    }

    private void signIn(String appId, String userId, UserConnection connection) {
        if (!node.users().add(appId, userId, connection)) {
            return; // not the user's first connection here: nothing changes for the cluster
        }
        signedInHere.computeIfAbsent(appId, k -> ConcurrentHashMap.newKeySet()).add(userId);
        state.join(appId, ClusterState.USERS, new PresenceMember(userId, NullNode.getInstance()))
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        needsSync = true;
                        listener.userOnline(appId, userId); // this node's watchers at least
                    } else if (outcome.memberChanged()) {
                        sendControl("online", appId, userId);
                    }
                });
    }

    @Override
    public void signedOut(String appId, String userId, UserConnection connection) {
        reportAtomically(() -> signOut(appId, userId, connection));
    }

    private void signOut(String appId, String userId, UserConnection connection) {
        if (!node.users().remove(appId, userId, connection)) {
            return;
        }
        signedInHere.computeIfPresent(appId, (k, set) -> {
            set.remove(userId);
            return set.isEmpty() ? null : set;
        });
        state.leave(appId, ClusterState.USERS, userId, null).whenComplete((outcome, failure) -> {
            if (failure != null) {
                needsSync = true;
                listener.userOffline(appId, userId);
            } else if (outcome.memberChanged()) {
                sendControl("offline", appId, userId);
            }
        });
    }

    @Override
    public CompletableFuture<Set<String>> onlineUsers(String appId, Collection<String> userIds) {
        return state.onlineUsers(appId, userIds).exceptionallyCompose(e -> local.onlineUsers(appId, userIds));
    }

    @Override
    public void terminateUserConnections(String appId, String userId) {
        sendControl("terminate", appId, userId);
    }

    // ---- debug console: {"n": node, "a": app, "w": true} announces a watch, {"n", "a", "e": entry} carries an entry

    @Override
    public void announceConsoleWatch(String appId) {
        publishConsole(JSON.createObjectNode().put("n", nodeId).put("a", appId).put("w", true).toString());
    }

    @Override
    public void publishConsoleEntry(String appId, String entry) {
        publishConsole(JSON.createObjectNode().put("n", nodeId).put("a", appId).put("e", entry).toString());
    }

    private void publishConsole(String message) {
        commands.publish(consoleChannel, message).exceptionally(e -> {
            log.debug("Console message not published to the other nodes: {}", e.toString());
            return 0L;
        });
    }

    private void receiveConsole(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node.path("n").asText().equals(nodeId)) {
                return;
            }
            String appId = node.path("a").asText();
            if (node.path("w").asBoolean()) {
                listener.consoleWatched(appId);
            } else if (node.path("e").isTextual()) {
                listener.consoleEntry(appId, node.get("e").asText());
            }
        } catch (Exception e) {
            log.warn("Ignored a malformed message on {}: {}", consoleChannel, e.getMessage());
        }
    }

    /** Every node loads the app again; without Redis, their periodic version check still finds it. */
    @Override
    public void appChanged(String appId) {
        sendControl("app", appId, "");
    }

    /** Tells every node, this one included (through Redis, or directly when Redis is away). */
    private void sendControl(String kind, String appId, String userId) {
        String message = JSON.createObjectNode().put("k", kind).put("a", appId).put("u", userId).toString();
        commands.publish(controlChannel, message).whenComplete((receivers, failure) -> {
            if (failure != null) {
                needsSync = true;
                control(message);
            }
        });
    }

    private void control(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            String appId = node.path("a").asText();
            String userId = node.path("u").asText();
            switch (node.path("k").asText()) {
                case "online" -> listener.userOnline(appId, userId);
                case "offline" -> listener.userOffline(appId, userId);
                case "terminate" -> local.terminateUserConnections(appId, userId);
                case "app" -> listener.appChanged(appId);
                default -> log.warn("Ignored an unknown control message on {}", controlChannel);
            }
        } catch (Exception e) {
            log.warn("Ignored a malformed message on {}: {}", controlChannel, e.getMessage());
        }
    }

    /** {@code /ready}'s reason while Redis is lost. */
    @Override
    public Optional<String> notReadyReason() {
        return redis.isOpen() ? Optional.empty() : Optional.of("redis-unreachable");
    }

    @Override
    public void registerMetrics(NodeMetrics metrics) {
        activity.readMessagesFrom(metrics);
        metrics.counter("herald.redis.round.trips", "Redis commands answered", redis::roundTrips);
        metrics.counter("herald.redis.reconnects", "Redis connections made again after a loss", redis::reconnects);
    }

    /**
     * A Redis stream shared by the cluster: webhooks survive the node that decided them, and one node
     * at a time delivers them (another takes over within {@code node-timeout} of its death).
     */
    @Override
    public WebhookQueue webhookQueue(String appId, WebhookEndpoint endpoint, int capacity) {
        String url = endpoint.url().toString();
        RedisWebhookQueue queue = new RedisWebhookQueue(commands, keys.webhooks(appId, url),
                keys.webhookDeliverer(appId, url), nodeId, capacity, Duration.ofMillis(timeoutMillis));
        webhookQueues.add(queue);
        return queue;
    }

    /** Vacancies and member departures wait out the webhook grace here, cluster-wide ({@link HeldDepartures}). */
    @Override
    public void releaseDepartures() {
        departures.releaseAll(Duration.ofSeconds(2));
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        try {
            // Leave cleanly so the others don't wait for node-timeout; the departures were already reported.
            commands.del(keys.connections(nodeId));
            report(state.leaveCluster().get(2, TimeUnit.SECONDS), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Could not leave the cluster cleanly: {}", e.toString());
        }
        redis.close();
        local.close();
    }
}
