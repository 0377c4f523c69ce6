package io.herald.server.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.ChannelSummary;
import io.herald.server.message.OutboundEvent;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

/**
 * Sends {@code pusher_internal:subscription_count {subscription_count}} to a channel's subscribers
 * when its count changes, for apps that opted in, and reports each sent count (for the
 * {@code subscription_count} webhook). Channels with more than {@value #THROTTLE_ABOVE} subscribers
 * get at most one update per interval, the last one carrying the count at the time it is sent.
 * Presence channels are left out: they have member events. Thread-safe; never blocks.
 */
public final class SubscriptionCounts {

    /** Above this many subscribers, updates are throttled. */
    public static final int THROTTLE_ABOVE = 100;

    private static final class Throttle {
        long lastSentNanos = System.nanoTime() - Long.MAX_VALUE / 2;
        boolean scheduled;
    }

    private final Adapter adapter;
    private final ScheduledExecutorService timers;
    private final long intervalNanos;
    private final ObjIntConsumer<ChannelOf> sent;
    private final ConcurrentHashMap<String, Throttle> throttles = new ConcurrentHashMap<>();

    /** A channel of an app, as reported to the {@code sent} callback. */
    public record ChannelOf(App app, String channel) {
    }

    /** @param sent told of every count sent to subscribers, for webhooks */
    public SubscriptionCounts(Adapter adapter, ScheduledExecutorService timers, Duration interval,
                              ObjIntConsumer<ChannelOf> sent) {
        this.adapter = adapter;
        this.timers = timers;
        this.intervalNanos = interval.toNanos();
        this.sent = sent;
    }

    /** The channel's subscriber count changed somewhere in the cluster. */
    public void changed(App app, String channel) {
        if (!app.subscriptionCounts() || ChannelName.typeOf(channel) == ChannelType.PRESENCE) {
            return;
        }
        adapter.channel(app.id(), channel).thenAccept(summary -> decide(app, channel, count(summary.orElse(null))));
    }

    private void decide(App app, String channel, int count) {
        String key = app.id() + '\u0000' + channel;
        if (count == 0) {
            throttles.remove(key); // vacated: nobody to tell, nothing to remember
            return;
        }
        if (count <= THROTTLE_ABOVE) {
            send(app, channel, count);
            throttles.computeIfPresent(key, (k, t) -> {
                t.lastSentNanos = System.nanoTime();
                return t;
            });
            return;
        }
        Throttle throttle = throttles.computeIfAbsent(key, k -> new Throttle());
        long wait;
        synchronized (throttle) {
            if (throttle.scheduled) {
                return;
            }
            long now = System.nanoTime();
            wait = throttle.lastSentNanos + intervalNanos - now;
            if (wait <= 0) {
                throttle.lastSentNanos = now;
            } else {
                throttle.scheduled = true;
            }
        }
        if (wait <= 0) {
            send(app, channel, count);
            return;
        }
        timers.schedule(() -> {
            synchronized (throttle) {
                throttle.scheduled = false;
                throttle.lastSentNanos = System.nanoTime();
            }
            adapter.channel(app.id(), channel).thenAccept(now -> {
                int latest = count(now.orElse(null));
                if (latest > 0) {
                    send(app, channel, latest);
                }
            });
        }, wait, TimeUnit.NANOSECONDS);
    }

    private void send(App app, String channel, int count) {
        String data = JsonNodeFactory.instance.objectNode().put("subscription_count", count).toString();
        adapter.publish(app.id(), OutboundEvent.server(channel, PusherEvents.SUBSCRIPTION_COUNT, data, null));
        sent.accept(new ChannelOf(app, channel), count);
    }

    private static int count(ChannelSummary summary) {
        return summary == null ? 0 : summary.subscriptionCount();
    }
}
