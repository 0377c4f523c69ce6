package io.herald.server.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.app.App;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.app.AppStore;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import io.herald.server.config.ServerOptions;
import io.herald.server.metrics.AppGauges;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Turns what happened into webhooks: builds each event and hands it to one {@link EndpointSender} per
 * app endpoint that wants it, each with its own {@link WebhookQueue} from the cluster adapter. The
 * departures it is given are final: the adapter held them back for the grace period
 * ({@code webhook-grace}) and dropped those cancelled by a quick return, with the return. Every method
 * is called on event loops and returns at once.
 */
public final class WebhookDispatcher {

    /** The request header naming a batch: the same on every retry and redelivery, so receivers can drop duplicates. */
    public static final String ID_HEADER = "X-Herald-Webhook-Id";

    /** Makes the queue that one endpoint's events wait in. */
    @FunctionalInterface
    public interface Queues {
        WebhookQueue create(App app, WebhookEndpoint endpoint, int capacity);
    }

    /**
     * How many events wait for one endpoint.
     *
     * @param appId the app
     * @param endpoint the endpoint's URL
     * @param events waiting to be delivered, as last known (in a cluster, the cluster-wide queue)
     */
    public record QueueDepth(String appId, URI endpoint, long events) {
    }

    private static final Consumer<ObjectNode> NO_FIELDS = event -> { };

    private final WebhookSettings settings;
    private final HttpClient http;
    /** Senders of each app, in the order of its endpoints. */
    private final Map<String, List<EndpointSender>> senders = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final Queues queues;
    private final ConsoleFeed console;

    /**
     * @param timers the thread for batch windows and retries
     * @param httpExecutor runs the HTTP client's completions
     * @param queues where each endpoint's events wait ({@code Adapter#webhookQueue})
     * @param console where deliveries and failures are reported for the debug console
     */
    public WebhookDispatcher(ServerOptions options, AppStore apps, ScheduledExecutorService timers,
                             Executor httpExecutor, Queues queues, ConsoleFeed console) {
        this.settings = WebhookSettings.of(options);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .executor(httpExecutor)
                .build();
        this.timers = timers;
        this.queues = queues;
        this.console = console;
        for (App app : apps.all()) {
            appChanged(null, app);
        }
    }

    /**
     * An app was created, changed or deleted ({@code after} null): endpoints it still has keep their
     * sender (and queue) and sign with its new settings; new ones get a sender; removed ones send
     * what they hold and stop.
     */
    public synchronized void appChanged(App before, App after) {
        String id = after != null ? after.id() : before.id();
        List<EndpointSender> old = senders.getOrDefault(id, List.of());
        List<EndpointSender> next = new ArrayList<>();
        if (after != null) {
            for (WebhookEndpoint endpoint : after.webhooks()) {
                EndpointSender kept = old.stream().filter(s -> s.endpoint().equals(endpoint)).findFirst().orElse(null);
                if (kept != null) {
                    kept.useApp(after);
                    next.add(kept);
                } else {
                    next.add(new EndpointSender(after, endpoint, settings, http, timers,
                            queues.create(after, endpoint, settings.queueCapacity()), console));
                }
            }
        }
        old.stream().filter(s -> !next.contains(s)).forEach(EndpointSender::closeAndFlush);
        if (next.isEmpty()) {
            senders.remove(id);
        } else {
            senders.put(id, List.copyOf(next));
        }
    }

    public void channelOccupied(App app, String channel) {
        send(app, WebhookType.CHANNEL_OCCUPIED, channel, NO_FIELDS);
    }

    public void channelVacated(App app, String channel) {
        send(app, WebhookType.CHANNEL_VACATED, channel, NO_FIELDS);
    }

    public void memberAdded(App app, String channel, String userId) {
        send(app, WebhookType.MEMBER_ADDED, channel, event -> event.put("user_id", userId));
    }

    public void memberRemoved(App app, String channel, String userId) {
        send(app, WebhookType.MEMBER_REMOVED, channel, event -> event.put("user_id", userId));
    }

    /** {@code client_event {channel, event, data, socket_id, user_id?}}. */
    public void clientEvent(App app, String channel, String eventName, String data, String socketId, String userId) {
        send(app, WebhookType.CLIENT_EVENT, channel, event -> {
            event.put("event", eventName).put("data", data).put("socket_id", socketId);
            if (userId != null) {
                event.put("user_id", userId);
            }
        });
    }

    public void cacheMiss(App app, String channel) {
        send(app, WebhookType.CACHE_MISS, channel, NO_FIELDS);
    }

    public void subscriptionCount(App app, String channel, int count) {
        send(app, WebhookType.SUBSCRIPTION_COUNT, channel, event -> event.put("subscription_count", count));
    }

    /** Events dropped so far because an endpoint's queue was full, over all endpoints. */
    public long droppedEvents() {
        long total = 0;
        for (List<EndpointSender> list : senders.values()) {
            for (EndpointSender sender : list) {
                total += sender.dropped();
            }
        }
        return total;
    }

    /** Each endpoint's queue depth, for metrics; cheap (no I/O). */
    public List<QueueDepth> queueDepths() {
        List<QueueDepth> depths = new ArrayList<>();
        senders.forEach((appId, list) -> list.forEach(sender ->
                depths.add(new QueueDepth(appId, sender.endpoint().url(), sender.depth()))));
        return depths;
    }

    /** The app's webhook events so far, all its endpoints together; cheap (no I/O). */
    public AppGauges.WebhookCounts counts(String appId) {
        AppGauges.WebhookCounts total = AppGauges.WebhookCounts.ZERO;
        for (EndpointSender sender : senders.getOrDefault(appId, List.of())) {
            total = total.plus(sender.counts());
        }
        return total;
    }

    /**
     * Graceful shutdown, after the adapter released the departures still in their grace period
     * ({@code Adapter#releaseDepartures}): sends everything queued (one attempt per batch, no more
     * retries) and waits for it at most {@code budget}.
     */
    public void close(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        senders.values().forEach(list -> list.forEach(EndpointSender::closeAndFlush));
        while (System.nanoTime() < deadline && !allIdle()) {
            LockSupport.parkNanos(5_000_000L);
        }
    }

    private boolean allIdle() {
        for (List<EndpointSender> list : senders.values()) {
            for (EndpointSender sender : list) {
                if (!sender.isIdle()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Offers the event {@code {name, channel}} plus {@code fields} to the app's endpoints that want it;
     * it is built once, and only when one does.
     */
    private void send(App app, WebhookType type, String channel, Consumer<ObjectNode> fields) {
        String json = null;
        for (EndpointSender sender : senders.getOrDefault(app.id(), List.of())) {
            if (sender.endpoint().wants(type, channel)) {
                if (json == null) {
                    ObjectNode event = JsonNodeFactory.instance.objectNode()
                            .put("name", type.wireName()).put("channel", channel);
                    fields.accept(event);
                    json = event.toString();
                }
                sender.offer(json);
            }
        }
    }
}
