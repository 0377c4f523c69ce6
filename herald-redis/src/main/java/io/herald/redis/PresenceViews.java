package io.herald.redis;

import io.herald.server.channel.PresenceMember;
import io.herald.server.channel.Subscriber;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.message.Frames;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each of this node's presence subscribers has been told, so that it learns of every member
 * exactly once. A subscriber's member list is read from Redis as of a presence sequence number
 * ({@link ClusterScripts#MEMBERS}), and every member change carries the number Redis gave it: a
 * subscriber is told of the changes numbered after its list, and only after its list was sent (those
 * that arrive first wait for it). Whichever node decided a change, and however late its
 * announcement arrives, the list and the announcements never overlap and leave nothing out.
 * Changes with no number (0: found by a re-synchronisation or a purge) go to every subscriber listed.
 * Called on event loops and Lettuce threads; per channel, one lock orders lists and announcements.
 */
final class PresenceViews {

    private static final Logger log = LoggerFactory.getLogger(PresenceViews.class);

    /** Announcements one subscriber may hold while its list is read; past it they are dropped and logged. */
    static final int MAX_WAITING = 1_000;

    private record Change(String channel, PresenceMember member, boolean added, long seq) {
    }

    /** One subscriber: before its list is sent, the changes waiting for it; after, the list's number. */
    static final class View {
        private final ChannelViews owner;
        private final Subscriber subscriber;
        private final String userId;
        private List<Change> waiting = new ArrayList<>();
        private long listedAt;

        private View(ChannelViews owner, Subscriber subscriber, String userId) {
            this.owner = owner;
            this.subscriber = subscriber;
            this.userId = userId;
        }
    }

    /** The views of one channel; its monitor orders them. */
    private static final class ChannelViews {
        private final Map<Subscriber, View> views = new HashMap<>();
    }

    private final ConcurrentHashMap<String, ChannelViews> channels = new ConcurrentHashMap<>();

    /**
     * Starts the view of a subscriber who just joined as {@code userId}, before its list is read:
     * from now on the changes are kept for it.
     */
    View open(String appId, String channel, Subscriber subscriber, String userId) {
        View[] view = new View[1];
        channels.compute(key(appId, channel), (k, existing) -> {
            ChannelViews views = existing != null ? existing : new ChannelViews();
            synchronized (views) {
                view[0] = new View(views, subscriber, userId);
                views.views.put(subscriber, view[0]);
            }
            return views;
        });
        return view[0];
    }

    /** The subscriber left the channel. */
    void close(String appId, String channel, Subscriber subscriber) {
        channels.computeIfPresent(key(appId, channel), (k, views) -> {
            synchronized (views) {
                views.views.remove(subscriber);
                return views.views.isEmpty() ? null : views;
            }
        });
    }

    /**
     * The subscriber's list, current as of {@code seq}, is ready: {@code sendList} sends it, then the
     * changes numbered after it that waited are sent, and later ones will be.
     */
    void listed(View view, long seq, Runnable sendList) {
        synchronized (view.owner) {
            sendList.run();
            view.listedAt = seq;
            for (Change change : view.waiting) {
                if (change.seq() == 0 || change.seq() > seq) {
                    send(view.subscriber, encode(change));
                }
            }
            view.waiting = null;
        }
    }

    /** Tells this node's subscribers of the channel of a member change numbered {@code seq} (0: unnumbered). */
    void announce(String appId, String channel, PresenceMember member, boolean added, long seq) {
        ChannelViews views = channels.get(key(appId, channel));
        if (views == null) {
            return;
        }
        Change change = new Change(channel, member, added, seq);
        ByteBuf frame = null;
        synchronized (views) {
            for (View view : views.views.values()) {
                if (view.userId.equals(member.userId())) {
                    continue; // a connection is not told of its own user
                }
                if (view.waiting != null) {
                    if (view.waiting.size() < MAX_WAITING) {
                        view.waiting.add(change);
                    } else {
                        log.warn("Dropped a member change on {} for a subscriber whose member list is late", channel);
                    }
                } else if (seq == 0 || seq > view.listedAt) {
                    frame = frame == null ? encode(change) : frame;
                    send(view.subscriber, frame.retain());
                }
            }
        }
        if (frame != null) {
            frame.release();
        }
    }

    private static ByteBuf encode(Change change) {
        return Frames.wire(LocalAdapter.memberEvent(change.channel(), change.member(), change.added()));
    }

    /**
     * Hands the frame to the subscriber's event loop, taking over the reference; tasks there keep the
     * order they were handed over in. Flushed at once: the subscriber may hold on to the frame's bytes
     * until its next flush, and the reference goes when the task ends.
     */
    private static void send(Subscriber subscriber, ByteBuf frame) {
        try {
            subscriber.executor().execute(() -> {
                try {
                    subscriber.write(frame, frame.readerIndex(), frame.readableBytes());
                    subscriber.flush();
                } finally {
                    frame.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            frame.release(); // the loop has shut down, and its sockets with it
        }
    }

    private static String key(String appId, String channel) {
        return appId + '\u0000' + channel;
    }
}
