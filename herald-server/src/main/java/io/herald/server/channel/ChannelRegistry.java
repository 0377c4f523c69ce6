package io.herald.server.channel;

import io.herald.server.metrics.AppMetrics;
import io.herald.protocol.Limits;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channels of one app on this node. A channel exists while it has subscribers. Joins and leaves
 * of one channel are serialised by {@link ConcurrentHashMap#compute}, so a channel is never removed
 * while someone joins it, and presence counts can't race; different channels never contend.
 */
public final class ChannelRegistry {

    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    /** The number of entries in {@link #channels}, changed only inside their compute calls. */
    private final AtomicInteger count = new AtomicInteger();
    private final AppMetrics metrics;

    /** A registry whose fan-out nothing counts. */
    public ChannelRegistry() {
        this(AppMetrics.detached(""));
    }

    /** @param metrics the app's counters, which fan-out adds to */
    public ChannelRegistry(AppMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Adds {@code subscriber} to the channel, creating it if needed, with no bound on the number of
     * channels.
     *
     * @param member the presence member for presence channels, else {@code null}
     * @param maxMembers the app's presence member limit
     */
    public JoinResult join(String name, Subscriber subscriber, PresenceMember member, int maxMembers) {
        return join(name, subscriber, member, maxMembers, Integer.MAX_VALUE);
    }

    /**
     * Adds {@code subscriber} to the channel within the app's {@code limits}: a full presence channel
     * refuses a new member, and once the app has {@link Limits#maxChannels()} channels here a join that
     * would create one is refused (channels that exist stay joinable). A refused join leaves nothing
     * behind. The result's member list and arrival are taken while other joins and leaves of this
     * channel wait, which keeps presence views consistent: a concurrent joiner either is listed or is
     * told of the arrival, never both ({@link MemberChange#upToJoin}). Answer the joiner only after
     * {@code join} returns: a channel it created is not visible to {@link #find} before.
     */
    public JoinResult join(String name, Subscriber subscriber, PresenceMember member, Limits limits) {
        return join(name, subscriber, member, limits.maxPresenceMembers(), limits.maxChannels());
    }

    private JoinResult join(String name, Subscriber subscriber, PresenceMember member, int maxMembers,
                            int maxChannels) {
        JoinResult[] result = new JoinResult[1];
        channels.compute(name, (key, existing) -> {
            if (existing == null && !reserveChannel(maxChannels)) {
                result[0] = JoinResult.refused("the app has " + maxChannels
                        + " occupied channels on this node, the most allowed (limits.max-channels)", subscriber, member);
                return null;
            }
            Channel channel = existing != null ? existing : new Channel(key, metrics);
            if (channel.isSubscribed(subscriber)) {
                result[0] = new JoinResult(channel, null, false, null, member == null ? List.of() : channel.members(),
                        subscriber, member);
                return channel;
            }
            if (member != null && !channel.hasMember(member.userId()) && channel.memberCount() >= maxMembers) {
                result[0] = JoinResult.refused("presence channel is full (" + maxMembers + " members)", subscriber, member);
                if (existing == null) {
                    count.decrementAndGet();
                }
                return existing;
            }
            boolean occupied = channel.isEmpty();
            channel.addSubscriber(subscriber);
            MemberChange arrival = member != null && channel.addMember(member)
                    ? new MemberChange(channel, member, true, subscriber.socketId(), channel.lastJoin()) : null;
            result[0] = new JoinResult(channel, null, occupied, arrival, member == null ? List.of() : channel.members(),
                    subscriber, member);
            return channel;
        });
        return result[0];
    }

    /**
     * Counts one more channel unless that would pass {@code maxChannels}. A counter rather than the
     * map's size: joins on different event loops create channels at once, and only an atomic
     * check-and-add keeps the bound exact.
     */
    private boolean reserveChannel(int maxChannels) {
        if (count.incrementAndGet() > maxChannels) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * Removes {@code subscriber}; the channel goes away with its last subscriber.
     *
     * @param userId the presence user the subscriber joined as, else {@code null}
     */
    public LeaveResult leave(String name, Subscriber subscriber, String userId) {
        LeaveResult[] result = {new LeaveResult(false, false, null, subscriber)};
        channels.computeIfPresent(name, (key, channel) -> {
            if (!channel.removeSubscriber(subscriber)) {
                return channel;
            }
            // Numbered while held: a joiner whose list already lacks the user is never told it left.
            MemberChange departure = userId != null && channel.removeMember(userId)
                    ? MemberChange.departure(channel, userId, subscriber.socketId()) : null;
            boolean vacated = channel.isEmpty();
            result[0] = new LeaveResult(true, vacated, departure, subscriber);
            if (vacated) {
                count.decrementAndGet();
                return null;
            }
            return channel;
        });
        return result[0];
    }

    /** The channel if it is occupied on this node, else {@code null}. */
    public Channel find(String name) {
        return channels.get(name);
    }

    /** The number of occupied channels. */
    public int channelCount() {
        return count.get();
    }

    /** Members of the presence channels, counted once per channel. */
    public long presenceMemberCount() {
        long members = 0;
        for (Channel channel : channels.values()) {
            members += channel.memberCount();
        }
        return members;
    }

    /** The occupied channels; a live view. */
    public Collection<Channel> channels() {
        return channels.values();
    }
}
