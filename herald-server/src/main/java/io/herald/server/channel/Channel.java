package io.herald.server.channel;

import io.herald.server.metrics.AppMetrics;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One channel of one app on this node: its local subscribers and, for presence channels, its
 * members. Membership changes happen only through {@link ChannelRegistry}, which serialises them
 * per channel; fan-out reads the subscribers concurrently without locking.
 */
public final class Channel {

    private final String name;
    private final ChannelType type;
    /**
     * The subscribers, one group per event loop that serves some of them, so a broadcast hands each
     * loop one task instead of each socket one write. Grows copy-on-write, at most once per loop;
     * written only under the registry's per-channel serialisation.
     */
    private volatile LoopGroup[] groups = new LoopGroup[0];
    /** The number of the latest join; each subscriber keeps the number of its own. Same writers as groups. */
    private volatile long lastJoin;
    /** Presence members by user id, with how many local connections each has here. Guarded by {@code this}. */
    private final Map<String, MemberEntry> members = new LinkedHashMap<>();

    private final AppMetrics metrics;

    Channel(String name, AppMetrics metrics) {
        this.name = name;
        this.metrics = metrics;
        this.type = ChannelName.typeOf(name);
    }

    public String name() {
        return name;
    }

    public ChannelType type() {
        return type;
    }

    public int subscriptionCount() {
        int count = 0;
        for (LoopGroup group : groups) {
            count += group.subscribers.size();
        }
        return count;
    }

    boolean isEmpty() {
        return subscriptionCount() == 0;
    }

    boolean isSubscribed(Subscriber s) {
        LoopGroup group = groupOf(s.executor());
        return group != null && group.subscribers.containsKey(s);
    }

    boolean addSubscriber(Subscriber s) {
        LoopGroup group = groupOf(s.executor());
        if (group == null) {
            group = new LoopGroup(s.executor());
            LoopGroup[] grown = Arrays.copyOf(groups, groups.length + 1);
            grown[groups.length] = group;
            groups = grown;
        }
        if (group.subscribers.containsKey(s)) {
            return false;
        }
        long join = lastJoin + 1;
        group.subscribers.put(s, join);
        lastJoin = join;
        return true;
    }

    boolean removeSubscriber(Subscriber s) {
        LoopGroup group = groupOf(s.executor());
        return group != null && group.subscribers.remove(s) != null;
    }

    private LoopGroup groupOf(EventExecutor loop) {
        for (LoopGroup group : groups) {
            if (group.loop == loop) {
                return group;
            }
        }
        return null;
    }

    /**
     * Sends one encoded frame ({@code Frames.wire}) to every subscriber but the excluded socket, then
     * releases the caller's reference. Returns at once: each event loop with subscribers here gets one
     * task that writes a retained duplicate (shared bytes, never copied) to each of its sockets. Only
     * those subscribed now receive it.
     */
    public void broadcast(ByteBuf wireFrame, String excludeSocketId) {
        broadcast(wireFrame, excludeSocketId, lastJoin);
    }

    /**
     * Like {@link #broadcast(ByteBuf, String)}, to the subscribers whose join (numbered in order) is
     * {@code upToJoin} or earlier: a presence change goes only to those whose member list predates it
     * ({@link MemberChange#upToJoin}).
     */
    public void broadcast(ByteBuf wireFrame, String excludeSocketId, long upToJoin) {
        long publishedAt = System.nanoTime();
        try {
            for (LoopGroup group : groups) {
                if (!group.subscribers.isEmpty()) {
                    Delivery.start(group.loop, group.subscribers, wireFrame, excludeSocketId, upToJoin, metrics,
                            publishedAt);
                }
            }
        } finally {
            wireFrame.release();
        }
    }

    /** The number of the latest join. */
    long lastJoin() {
        return lastJoin;
    }

    /** Adds a connection of {@code member}; true when it is the user's first here. */
    synchronized boolean addMember(PresenceMember member) {
        MemberEntry entry = members.get(member.userId());
        if (entry == null) {
            members.put(member.userId(), new MemberEntry(member));
            return true;
        }
        entry.connections++;
        return false;
    }

    /** Removes a connection of {@code userId}; true when it was the user's last here. */
    synchronized boolean removeMember(String userId) {
        MemberEntry entry = members.get(userId);
        if (entry == null) {
            return false;
        }
        if (--entry.connections == 0) {
            members.remove(userId);
            return true;
        }
        return false;
    }

    synchronized boolean hasMember(String userId) {
        return members.containsKey(userId);
    }

    public synchronized int memberCount() {
        return members.size();
    }

    /** A snapshot of the members, in the order they joined. */
    public synchronized List<PresenceMember> members() {
        List<PresenceMember> list = new ArrayList<>(members.size());
        for (MemberEntry entry : members.values()) {
            list.add(entry.member);
        }
        return list;
    }

    /** One event loop's subscribers here, each with the number of its join. */
    private static final class LoopGroup {
        final EventExecutor loop;
        final ConcurrentHashMap<Subscriber, Long> subscribers = new ConcurrentHashMap<>(4);

        LoopGroup(EventExecutor loop) {
            this.loop = loop;
        }
    }

    private static final class MemberEntry {
        final PresenceMember member;
        int connections = 1;

        MemberEntry(PresenceMember member) {
            this.member = member;
        }
    }
}
