package io.herald.server.cluster;

/**
 * What queries report of an occupied channel across the cluster.
 *
 * @param name the channel name
 * @param subscriptionCount connections subscribed
 * @param userCount distinct presence users (0 for other channel types)
 */
public record ChannelSummary(String name, int subscriptionCount, int userCount) {
}
