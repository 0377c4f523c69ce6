package io.herald.server.cluster;

import io.herald.server.channel.JoinResult;
import io.herald.server.channel.LeaveResult;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.channel.PresenceMember;
import io.herald.server.message.OutboundEvent;
import io.herald.server.user.UserConnection;
import io.herald.server.webhook.LocalWebhookQueue;
import io.herald.server.webhook.WebhookQueue;
import io.herald.server.metrics.MessageCounts;
import io.herald.server.metrics.NodeMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The seam between protocol code and the nodes of a cluster. Everything that must reach or count
 * every node goes through here: event delivery, channel queries, the cache channels' last events,
 * channel occupancy and presence (reported to the {@link ClusterListener} once per cluster-wide
 * change, departures once final: the adapter applies the webhook grace), signed-in users and their
 * connections. {@link LocalAdapter} serves one node; a cluster
 * adapter publishes to the other nodes as well and answers for all of them. Every method may be
 * called on an event loop and must never block (but for {@link #reportAtomically}'s brief wait).
 */
public interface Adapter extends AutoCloseable {

    /** Sets who hears cluster-wide changes; called once before the server serves. */
    void listen(ClusterListener listener);

    /**
     * Delivers {@code event} to the channel's subscribers on every node, except
     * {@link OutboundEvent#excludeSocketId()}. Events published by the app on cache channels become
     * the channel's cached event.
     */
    void publish(String appId, OutboundEvent event);

    /** Occupied channels whose names start with {@code prefix} ({@code ""} for all). */
    CompletableFuture<List<ChannelSummary>> channels(String appId, String prefix);

    /** One channel, empty when it is not occupied anywhere. */
    CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name);

    /** The distinct user ids in a presence channel. */
    CompletableFuture<List<String>> presenceUserIds(String appId, String channel);

    /**
     * The member list a new presence subscriber is answered with ({@code subscription_succeeded}):
     * on one node, {@link JoinResult#members()}, taken while the channel was held; in a cluster, the
     * cluster's members as of a moment from which on the adapter announces every change to this
     * subscriber, and none before. Answer the subscriber in the future's completion stage.
     */
    default CompletableFuture<List<PresenceMember>> presenceMembers(String appId, String channel, JoinResult joined) {
        return CompletableFuture.completedFuture(joined.members());
    }

    /** The cache channel's last event, empty when there is none or it expired. */
    CompletableFuture<Optional<CachedEvent>> cachedEvent(String appId, String channel);

    /**
     * Reports a join on this node so the adapter can decide occupancy and membership cluster-wide. A
     * presence member this node gained ({@link JoinResult#arrival()}) is announced by the adapter, to
     * the subscribers of every node who don't list it already, once it is known to be new to the cluster.
     */
    void joined(String appId, String channel, JoinResult result);

    /**
     * Runs {@code changeAndReport}: a change of this node's channels and the {@link #joined} or
     * {@link #left} call that reports it, as one step against a cluster adapter's snapshot of the node's
     * whole state. A re-synchronisation sends such a snapshot to replace what the cluster holds for the
     * node; a change that fell between the snapshot and its sending would be lost, or counted twice, until
     * the next one. While a snapshot is read (briefly, and only when re-synchronising), this waits.
     */
    default void reportAtomically(Runnable changeAndReport) {
        changeAndReport.run();
    }

    /** Reports a leave on this node; a member it lost ({@link LeaveResult#departure()}) is announced like an arrival. */
    void left(String appId, String channel, LeaveResult result);

    /** A connection on this node signed in as {@code userId}. */
    void signedIn(String appId, String userId, UserConnection connection);

    /** A signed-in connection on this node closed. */
    void signedOut(String appId, String userId, UserConnection connection);

    /** Which of {@code userIds} are signed in anywhere. */
    CompletableFuture<Set<String>> onlineUsers(String appId, Collection<String> userIds);

    /** Closes every signed-in connection of the user on every node. */
    void terminateUserConnections(String appId, String userId);

    /**
     * The app's connections on the other nodes, as last reported (a cluster-wide quota may overshoot
     * by what changed since). Called when a connection opens: must answer from memory.
     */
    default int connectionsElsewhere(String appId) {
        return 0;
    }

    /**
     * The app's messages on the other nodes, as last reported: their totals, and their rates over the
     * interval between their last two reports. Read by the admin API's stats: must answer from memory.
     */
    default MessageCounts messagesElsewhere(String appId) {
        return MessageCounts.NONE;
    }

    /**
     * The app's connections on the other nodes, at most {@code limit} from each, for the admin API:
     * what the nodes answer within a bound, and how many did not.
     */
    default CompletableFuture<OtherNodesConnections> connectionsOnOtherNodes(String appId, int limit) {
        return CompletableFuture.completedFuture(OtherNodesConnections.NONE);
    }

    /** How many nodes are serving (this one included), as last known; they share per-app rate limits. */
    default int nodeCount() {
        return 1;
    }

    /**
     * Why the cluster cannot be reached, as a code that {@code /ready} lists among its reasons (a node
     * with one answers 503); empty while it can be.
     */
    default Optional<String> notReadyReason() {
        return Optional.empty();
    }

    /** Adds the adapter's own counters (the Redis adapter's round trips and reconnects) to {@code metrics}. */
    default void registerMetrics(NodeMetrics metrics) {
    }

    /**
     * The queue an app endpoint's webhook events wait in until delivered, holding at most
     * {@code capacity}; called once per endpoint at start-up and when an app gains one, off the event loops. On one node it is in
     * memory; a cluster adapter may keep it in its backend so that it survives this node and any node
     * delivers it.
     */
    default WebhookQueue webhookQueue(String appId, WebhookEndpoint endpoint, int capacity) {
        return new LocalWebhookQueue(capacity);
    }

    /**
     * Tells every node, this one included, that an app changed in the shared app store, so each loads
     * it again at once ({@link ClusterListener#appChanged}) instead of at its next version check.
     */
    void appChanged(String appId);

    /**
     * Shutdown, before the webhooks are flushed: reports every departure still in its webhook grace
     * now (they are real). May wait briefly; never called on an event loop.
     */
    default void releaseDepartures() {
    }

    // ---- debug console (issue 16): only while a console somewhere watches the app

    /**
     * Tells the other nodes that a debug console on this node watches {@code appId}, so they send its
     * feed entries ({@link #publishConsoleEntry}) for a while; repeated while the console stays. A
     * single node has nobody to tell.
     */
    default void announceConsoleWatch(String appId) {
    }

    /**
     * Sends one feed entry (JSON text) of {@code appId} to the other nodes' consoles
     * ({@link ClusterListener#consoleEntry}); best effort, never waits.
     */
    default void publishConsoleEntry(String appId, String entry) {
    }

    @Override
    void close();
}
