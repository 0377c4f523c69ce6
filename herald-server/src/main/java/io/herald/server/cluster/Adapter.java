package io.herald.server.cluster;

import io.herald.server.message.OutboundEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The seam between protocol code and the nodes of a cluster. Everything that must reach or count
 * every node goes through here: event delivery and channel queries. {@link LocalAdapter} serves one
 * node; a cluster adapter publishes to the other nodes as well and answers queries for all of them.
 */
public interface Adapter extends AutoCloseable {

    /**
     * Delivers {@code event} to the channel's subscribers on every node, except
     * {@link OutboundEvent#excludeSocketId()}. Called on event loops: must never block.
     */
    void publish(String appId, OutboundEvent event);

    /** Occupied channels whose names start with {@code prefix} ({@code ""} for all). */
    CompletableFuture<List<ChannelSummary>> channels(String appId, String prefix);

    /** One channel, empty when it is not occupied anywhere. */
    CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name);

    /** The distinct user ids in a presence channel. */
    CompletableFuture<List<String>> presenceUserIds(String appId, String channel);

    @Override
    void close();
}
