package io.herald.server.channel;

import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One channel of one app on this node: its local subscribers and, for presence channels, its
 * members. Membership changes happen only through {@link ChannelRegistry}, which serialises them
 * per channel; fan-out reads the subscriber set concurrently without locking.
 */
public final class Channel {

    private final String name;
    private final ChannelType type;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Presence members by user id, with how many local connections each has here. Guarded by {@code this}. */
    private final Map<String, MemberEntry> members = new LinkedHashMap<>();

    Channel(String name) {
        this.name = name;
        this.type = ChannelName.typeOf(name);
    }

    public String name() {
        return name;
    }

    public ChannelType type() {
        return type;
    }

    public int subscriptionCount() {
        return subscribers.size();
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    boolean isSubscribed(Subscriber s) {
        return subscribers.contains(s);
    }

    boolean addSubscriber(Subscriber s) {
        return subscribers.add(s);
    }

    boolean removeSubscriber(Subscriber s) {
        return subscribers.remove(s);
    }

    /**
     * Writes the same encoded frame to every subscriber but the excluded socket, then releases the
     * caller's reference. Each subscriber gets a retained duplicate: the bytes are shared, not copied.
     */
    public void broadcast(TextWebSocketFrame frame, String excludeSocketId) {
        try {
            for (Subscriber s : subscribers) {
                if (excludeSocketId == null || !excludeSocketId.equals(s.socketId())) {
                    s.send(frame.retainedDuplicate());
                }
            }
        } finally {
            frame.release();
        }
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

    Collection<Subscriber> subscribers() {
        return subscribers;
    }

    private static final class MemberEntry {
        final PresenceMember member;
        int connections = 1;

        MemberEntry(PresenceMember member) {
            this.member = member;
        }
    }
}
