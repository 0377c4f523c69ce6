package io.herald.server.channel;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels of one app on this node. A channel exists while it has subscribers. Joins and leaves
 * of one channel are serialised by {@link ConcurrentHashMap#compute}, so a channel is never removed
 * while someone joins it, and presence counts can't race; different channels never contend.
 */
public final class ChannelRegistry {

    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();

    /**
     * Adds {@code subscriber} to the channel, creating it if needed.
     *
     * @param member the presence member for presence channels, else {@code null}
     * @param maxMembers the app's presence member limit
     */
    public JoinResult join(String name, Subscriber subscriber, PresenceMember member, int maxMembers) {
        JoinResult[] result = new JoinResult[1];
        channels.compute(name, (key, existing) -> {
            Channel channel = existing != null ? existing : new Channel(key);
            if (channel.isSubscribed(subscriber)) {
                result[0] = new JoinResult(channel, null, false, false);
                return channel;
            }
            if (member != null && !channel.hasMember(member.userId()) && channel.memberCount() >= maxMembers) {
                result[0] = JoinResult.refused("presence channel is full (" + maxMembers + " members)");
                return existing;
            }
            boolean occupied = channel.isEmpty();
            channel.addSubscriber(subscriber);
            boolean memberAdded = member != null && channel.addMember(member);
            result[0] = new JoinResult(channel, null, occupied, memberAdded);
            return channel;
        });
        return result[0];
    }

    /**
     * Removes {@code subscriber}; the channel goes away with its last subscriber.
     *
     * @param userId the presence user the subscriber joined as, else {@code null}
     */
    public LeaveResult leave(String name, Subscriber subscriber, String userId) {
        LeaveResult[] result = {LeaveResult.NOT_SUBSCRIBED};
        channels.computeIfPresent(name, (key, channel) -> {
            if (!channel.removeSubscriber(subscriber)) {
                return channel;
            }
            boolean memberRemoved = userId != null && channel.removeMember(userId);
            boolean vacated = channel.isEmpty();
            result[0] = new LeaveResult(true, vacated, memberRemoved);
            return vacated ? null : channel;
        });
        return result[0];
    }

    /** The channel if it is occupied on this node, else {@code null}. */
    public Channel find(String name) {
        return channels.get(name);
    }

    /** The occupied channels; a live view. */
    public Collection<Channel> channels() {
        return channels.values();
    }
}
