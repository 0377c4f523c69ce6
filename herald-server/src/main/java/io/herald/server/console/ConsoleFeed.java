package io.herald.server.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.cluster.Adapter;
import io.herald.server.config.ServerOptions;
import io.netty.channel.Channel;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The debug console's live feed. The server's parts call its taps (a connection opened, an API event
 * arrived, a webhook failed, ...) where those things happen; while nobody watches anywhere a tap is
 * one volatile read and returns. While someone watches an app, its taps make one small JSON entry,
 * at most {@code console-max-rate} a second per app on this node (the rest are counted and reported
 * as skipped), hand it to this node's consoles of the app and, while a console on another node
 * watches it, to that node through the cluster adapter.
 *
 * <p>Consoles announce what they watch every {@link #ANNOUNCE_EVERY_MILLIS} ms; a node keeps sending
 * an app's entries to the cluster for {@link #WATCHED_ELSEWHERE_MILLIS} ms after the last
 * announcement. Taps may be called on any thread and never block.
 */
public final class ConsoleFeed implements AutoCloseable {

    static final long ANNOUNCE_EVERY_MILLIS = 2_000;
    static final long WATCHED_ELSEWHERE_MILLIS = 3 * ANNOUNCE_EVERY_MILLIS;

    private final ConcurrentHashMap<String, AppFeed> feeds = new ConcurrentHashMap<>();
    private final AtomicInteger watcherCount = new AtomicInteger();
    private final int maxWatchers;
    private final int queueSize;
    private final int maxRate;
    private final Adapter adapter;
    private final ScheduledFuture<?> housekeeping;
    /** Whether any app is watched, here or elsewhere: the one read of a tap nobody watches. */
    private volatile boolean active;

    /** A feed nobody can watch: every tap returns at once (parts built without a server, in tests). */
    public static final ConsoleFeed OFF = new ConsoleFeed();

    private ConsoleFeed() {
        this.maxWatchers = 0;
        this.queueSize = 1;
        this.maxRate = 1;
        this.adapter = null;
        this.housekeeping = null;
    }

    public ConsoleFeed(ServerOptions options, Adapter adapter, ScheduledExecutorService timers) {
        this.maxWatchers = options.consoleMaxWatchers();
        this.queueSize = options.consoleQueueSize();
        this.maxRate = options.consoleMaxRate();
        this.adapter = adapter;
        this.housekeeping = timers.scheduleWithFixedDelay(this::housekeeping, ANNOUNCE_EVERY_MILLIS,
                ANNOUNCE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    // ---- consoles

    /**
     * Starts streaming {@code appId}'s entries to {@code socket}; {@code null} when this node already
     * streams to {@code console-max-watchers} consoles.
     */
    ConsoleWatcher watch(String appId, Channel socket) {
        if (watcherCount.incrementAndGet() > maxWatchers) {
            watcherCount.decrementAndGet();
            return null;
        }
        ConsoleWatcher watcher = new ConsoleWatcher(appId, socket, queueSize);
        feeds.compute(appId, (id, feed) -> {
            AppFeed f = feed == null ? new AppFeed(id, maxRate) : feed;
            f.watchers.add(watcher);
            return f;
        });
        active = true;
        adapter.announceConsoleWatch(appId);
        return watcher;
    }

    void unwatch(ConsoleWatcher watcher) {
        AppFeed feed = feeds.get(watcher.appId());
        if (feed != null && feed.watchers.remove(watcher)) {
            watcherCount.decrementAndGet();
        }
    }

    /** Consoles open on this node. */
    public int watchers() {
        return watcherCount.get();
    }

    /** Entries waiting in this node's consoles' queues, all together. */
    public int queuedEntries() {
        return feeds.values().stream().flatMap(f -> f.watchers.stream()).mapToInt(ConsoleWatcher::queued).sum();
    }

    /** Whether any tap does work now (someone watches some app, here or on another node). */
    public boolean active() {
        return active;
    }

    // ---- the cluster (called by the node's cluster listener)

    /** A console on another node watches {@code appId}: send its entries to the cluster for a while. */
    public void watchedElsewhere(String appId) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WATCHED_ELSEWHERE_MILLIS);
        feeds.compute(appId, (id, feed) -> {
            AppFeed f = feed == null ? new AppFeed(id, maxRate) : feed;
            f.watchedElsewhereUntil = until;
            return f;
        });
        active = true;
    }

    /** An entry another node reported: to this node's consoles of the app only. */
    public void entryFromElsewhere(String appId, String entry) {
        AppFeed feed = feeds.get(appId);
        if (feed != null) {
            feed.watchers.forEach(w -> w.offer(entry));
        }
    }

    // ---- taps

    public void connectionOpened(String appId, String socketId, String origin, String ip) {
        if (active) {
            report(appId, FeedEntries.with(FeedEntries.with(FeedEntries.entry("connection_opened")
                    .put("socket_id", socketId), "origin", origin), "ip", ip));
        }
    }

    public void connectionClosed(String appId, String socketId) {
        if (active) {
            report(appId, FeedEntries.entry("connection_closed").put("socket_id", socketId));
        }
    }

    public void subscribed(String appId, String socketId, String channel) {
        if (active) {
            report(appId, FeedEntries.entry("subscribed").put("channel", channel).put("socket_id", socketId));
        }
    }

    public void unsubscribed(String appId, String socketId, String channel) {
        if (active) {
            report(appId, FeedEntries.entry("unsubscribed").put("channel", channel).put("socket_id", socketId));
        }
    }

    public void channelOccupied(String appId, String channel) {
        if (active) {
            report(appId, FeedEntries.entry("channel_occupied").put("channel", channel));
        }
    }

    public void channelVacated(String appId, String channel) {
        if (active) {
            report(appId, FeedEntries.entry("channel_vacated").put("channel", channel));
        }
    }

    public void memberAdded(String appId, String channel, String userId) {
        if (active) {
            report(appId, FeedEntries.entry("member_added").put("channel", channel).put("user_id", userId));
        }
    }

    public void memberRemoved(String appId, String channel, String userId) {
        if (active) {
            report(appId, FeedEntries.entry("member_removed").put("channel", channel).put("user_id", userId));
        }
    }

    /** An event the HTTP API accepted, once per channel it names; {@code socketId} is the excluded socket. */
    public void apiEvent(String appId, String channel, String event, String data, String socketId) {
        if (active) {
            report(appId, FeedEntries.with(FeedEntries.withData(FeedEntries.entry("api_event")
                    .put("channel", channel).put("event", event), data), "socket_id", socketId));
        }
    }

    public void clientEvent(String appId, String channel, String event, String data, String socketId, String userId) {
        if (active) {
            report(appId, FeedEntries.with(FeedEntries.withData(FeedEntries.entry("client_event")
                    .put("channel", channel).put("event", event), data).put("socket_id", socketId), "user_id", userId));
        }
    }

    /** A webhook request an endpoint accepted; {@code body} is what was sent. */
    public void webhookSent(String appId, URI url, int events, String body) {
        if (active) {
            report(appId, FeedEntries.withData(FeedEntries.entry("webhook_sent")
                    .put("url", url.toString()).put("count", events), body));
        }
    }

    public void webhookFailed(String appId, URI url, int events, String problem) {
        if (active) {
            report(appId, FeedEntries.entry("webhook_failed").put("url", url.toString()).put("count", events)
                    .put("error", problem));
        }
    }

    private void report(String appId, ObjectNode entry) {
        AppFeed feed = feeds.get(appId);
        long now = System.nanoTime();
        if (feed == null || !feed.watched(now)) {
            return;
        }
        int skipped = feed.admit(now);
        if (skipped < 0) {
            return;
        }
        if (skipped > 0) {
            send(feed, FeedEntries.skipped(skipped, "over console-max-rate"), now);
        }
        send(feed, entry.toString(), now);
    }

    private void send(AppFeed feed, String entry, long now) {
        feed.watchers.forEach(w -> w.offer(entry));
        if (feed.watchedElsewhere(now)) {
            adapter.publishConsoleEntry(feed.appId, entry);
        }
    }

    /**
     * Every {@link #ANNOUNCE_EVERY_MILLIS} ms: renews this node's announcements, reports skips that no
     * later entry carried, forgets apps nobody watches and turns the taps off when none is left.
     */
    private void housekeeping() {
        long now = System.nanoTime();
        for (AppFeed feed : feeds.values()) {
            if (!feed.watchers.isEmpty()) {
                adapter.announceConsoleWatch(feed.appId);
            }
            int skipped = feed.takeSkipped();
            if (skipped > 0) {
                send(feed, FeedEntries.skipped(skipped, "over console-max-rate"), now);
            }
        }
        // Per key, atomically with watch(): a console that just arrived is never dropped with its app.
        for (String appId : feeds.keySet()) {
            feeds.computeIfPresent(appId, (id, feed) -> feed.watched(now) ? feed : null);
        }
        active = !feeds.isEmpty();
        if (!active && !feeds.isEmpty()) {
            active = true; // a console arrived meanwhile
        }
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.cancel(false);
        }
    }
}
