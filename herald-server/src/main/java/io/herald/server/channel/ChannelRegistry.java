package io.herald.server.channel;

import io.herald.protocol.Limits;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The channels of one app on this node. A channel exists while it has subscribers. Joins and leaves
 * of one channel are serialised by {@link ConcurrentHashMap#compute}, so a channel is never removed
 * while someone joins it, and presence counts can't race; different channels never contend.
 */
public final class ChannelRegistry {

    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    /** The number of entries in {@link #channels}, changed only inside their compute calls. */
    private final AtomicInteger count = new AtomicInteger();

    /**
     * Adds {@code subscriber} to the channel, creating it if needed, with no bound on the number of
     * channels.
     *
     * @param member the presence member for presence channels, else {@code null}
     * @param maxMembers the app's presence member limit
     */
    public JoinResult join(String name, Subscriber subscriber, PresenceMember member, int maxMembers) {
        return join(name, subscriber, member, maxMembers, Integer.MAX_VALUE, joined -> { });
    }

    /**
     * Adds {@code subscriber} to the channel within the app's {@code limits}: a full presence channel
     * refuses a new member, and once the app has {@link Limits#maxChannels()} channels here a join that
     * would create one is refused (channels that exist stay joinable). A refused join leaves nothing
     * behind. {@code whileHeld} runs after a successful join while other joins and leaves of this
     * channel still wait. Snapshotting the members and announcing the joiner there keeps presence
     * views consistent: a concurrent joiner either is listed in the member list or hears
     * {@code member_added}, never both. It must not block, and must not answer the joiner: a channel
     * created by this join is not visible to {@link #find} until {@code join} returns.
     */
    public JoinResult join(String name, Subscriber subscriber, PresenceMember member, Limits limits,
                           Consumer<JoinResult> whileHeld) {
        return join(name, subscriber, member, limits.maxPresenceMembers(), limits.maxChannels(), whileHeld);
    }

    private JoinResult join(String name, Subscriber subscriber, PresenceMember member, int maxMembers,
                            int maxChannels, Consumer<JoinResult> whileHeld) {
        JoinResult[] result = new JoinResult[1];
        channels.compute(name, (key, existing) -> {
            if (existing == null && !reserveChannel(maxChannels)) {
                result[0] = JoinResult.refused("the app has " + maxChannels
                        + " occupied channels on this node, the most allowed (limits.max-channels)");
                return null;
            }
            Channel channel = existing != null ? existing : new Channel(key);
            if (channel.isSubscribed(subscriber)) {
                result[0] = new JoinResult(channel, null, false, false);
                return channel;
            }
            if (member != null && !channel.hasMember(member.userId()) && channel.memberCount() >= maxMembers) {
                result[0] = JoinResult.refused("presence channel is full (" + maxMembers + " members)");
                if (existing == null) {
                    count.decrementAndGet();
                }
                return existing;
            }
            boolean occupied = channel.isEmpty();
            channel.addSubscriber(subscriber);
            boolean memberAdded = member != null && channel.addMember(member);
            result[0] = new JoinResult(channel, null, occupied, memberAdded);
            whileHeld.accept(result[0]);
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
        return leave(name, subscriber, userId, left -> { });
    }

    /**
     * Like {@link #leave(String, Subscriber, String)}, running {@code whileHeld} after the subscriber
     * left while other joins and leaves of this channel still wait, so that {@code member_removed}
     * never reaches a joiner whose member list already lacked the user. It must not block.
     */
    public LeaveResult leave(String name, Subscriber subscriber, String userId, Consumer<LeaveResult> whileHeld) {
        LeaveResult[] result = {LeaveResult.NOT_SUBSCRIBED};
        channels.computeIfPresent(name, (key, channel) -> {
            if (!channel.removeSubscriber(subscriber)) {
                return channel;
            }
            boolean memberRemoved = userId != null && channel.removeMember(userId);
            boolean vacated = channel.isEmpty();
            result[0] = new LeaveResult(true, vacated, memberRemoved);
            whileHeld.accept(result[0]);
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

    /** The occupied channels; a live view. */
    public Collection<Channel> channels() {
        return channels.values();
    }
}
