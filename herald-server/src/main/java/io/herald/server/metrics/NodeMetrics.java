package io.herald.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * This node's metrics in Prometheus form: each app's {@link AppMetrics} (labelled {@code app_id}),
 * what {@link AppGauges} reads at scrape time, node-wide counters such as the Redis adapter's, and
 * the JVM's and the process's. Names follow soketi's with {@code herald_} for {@code soketi_}, so its
 * dashboards mostly work after that change. Owned by the server; closed with it.
 */
public final class NodeMetrics implements AutoCloseable {

    static final String APP_TAG = "app_id";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, AppMetrics> apps = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private volatile AppGauges gauges = AppGauges.NONE;

    /** Adds the JVM's (memory, GC, threads, classes) and the process's (CPU, uptime, files) metrics. */
    public void includeJvmAndProcess() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Where the per-app gauges read from; may be set after apps were registered. */
    public void readGaugesFrom(AppGauges gauges) {
        this.gauges = gauges;
    }

    /** The app's counters, registered on first use. */
    public AppMetrics forApp(String appId) {
        AppMetrics metrics = apps.get(appId);
        return metrics != null ? metrics : apps.computeIfAbsent(appId, this::register);
    }

    /** The app's counters if anything has counted for it on this node yet; registers nothing. */
    public Optional<AppMetrics> find(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    /** A node-wide counter that {@code total} reads when scraped (such as Redis round trips). */
    public void counter(String name, String description, LongSupplier total) {
        // Micrometer holds the object it reads weakly: a lambda as that object would be collected and the
        // counter would freeze. This registry lives as long as the node, and the function is held strongly.
        FunctionCounter.builder(name, this, n -> total.getAsLong()).description(description).register(registry);
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private AppMetrics register(String appId) {
        AppMetrics m = new AppMetrics(appId, registry);
        count(m, "herald.new.connections", "WebSocket connections opened", null, a -> a.newConnections.sum());
        count(m, "herald.new.disconnections", "WebSocket connections closed", null, a -> a.disconnections.sum());
        count(m, "herald.ws.messages.received", "WebSocket messages from clients", null, a -> a.messagesReceived.sum());
        count(m, "herald.ws.messages.sent", "WebSocket messages to clients", null, a -> a.messagesSent.sum());
        count(m, "herald.socket.received", "WebSocket message bytes from clients", "bytes", a -> a.bytesReceived.sum());
        count(m, "herald.socket.transmitted", "WebSocket message bytes to clients", "bytes", a -> a.bytesSent.sum());
        count(m, "herald.http.calls.received", "HTTP API calls answered", null, a -> a.httpCalls.sum());
        count(m, "herald.http.received", "HTTP API request body bytes", "bytes", a -> a.httpBytesReceived.sum());
        count(m, "herald.http.transmitted", "HTTP API response body bytes", "bytes", a -> a.httpBytesSent.sum());
        count(m, "herald.client.events", "client events relayed", null, a -> a.clientEvents.sum());
        FunctionCounter.builder("herald.rate.limited", m, a -> a.apiRateLimited.sum())
                .description("requests refused by a rate limit").tag(APP_TAG, appId).tag("limit", "api")
                .register(registry);
        FunctionCounter.builder("herald.rate.limited", m, a -> a.clientEventsRateLimited.sum())
                .description("requests refused by a rate limit").tag(APP_TAG, appId).tag("limit", "client-events")
                .register(registry);
        gauge(appId, "herald.connected", "WebSocket connections open now", g -> g.connections(appId));
        gauge(appId, "herald.channels", "occupied channels", g -> g.channels(appId));
        gauge(appId, "herald.presence.members", "members of presence channels", g -> g.presenceMembers(appId));
        webhooks(appId, "herald.webhooks.queued", "webhook events queued", AppGauges.WebhookCounts::queued);
        webhooks(appId, "herald.webhooks.sent", "webhook events delivered", AppGauges.WebhookCounts::sent);
        webhooks(appId, "herald.webhooks.failed", "webhook events given up after retries", AppGauges.WebhookCounts::failed);
        webhooks(appId, "herald.webhooks.dropped", "webhook events dropped: queue full", AppGauges.WebhookCounts::dropped);
        gauge(appId, "herald.webhook.queue.depth", "webhook events waiting", g -> g.webhooks(appId).depth());
        return m;
    }

    private void count(AppMetrics m, String name, String description, String unit, ToDoubleFunction<AppMetrics> read) {
        FunctionCounter.builder(name, m, read).description(description).baseUnit(unit).tag(APP_TAG, m.appId)
                .register(registry);
    }

    private void gauge(String appId, String name, String description, ToLongFunction<AppGauges> read) {
        Gauge.builder(name, this, n -> read.applyAsLong(n.gauges)).description(description).tag(APP_TAG, appId)
                .strongReference(true).register(registry);
    }

    private void webhooks(String appId, String name, String description,
                          ToLongFunction<AppGauges.WebhookCounts> read) {
        FunctionCounter.builder(name, this, n -> read.applyAsLong(n.gauges.webhooks(appId)))
                .description(description).tag(APP_TAG, appId).register(registry);
    }
}
