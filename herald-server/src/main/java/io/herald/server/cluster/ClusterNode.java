package io.herald.server.cluster;

import io.herald.server.channel.ChannelRegistries;
import io.herald.server.config.ServerOptions;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.user.UserRegistry;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What an adapter needs of the node it serves: its settings, and its local channels, users and connections.
 *
 * @param options the node's settings, with {@link ServerOptions#adapterSettings() the adapter's own}
 * @param registries this node's channels
 * @param users this node's signed-in users
 * @param connections this node's open connections: counted for cluster-wide quotas and stats, listed
 *                    for the admin API of another node
 * @param timers the node's timer thread, for the webhook grace of departures and for bounding waits on
 *               other nodes; tasks must not block
 */
public record ClusterNode(ServerOptions options, ChannelRegistries registries, UserRegistry users,
                          ConnectionRegistry connections, ScheduledExecutorService timers) {
}
