package io.herald.server;

import io.herald.protocol.ErrorCode;
import io.herald.server.admin.AdminAccess;
import io.herald.server.admin.AdminService;
import io.herald.server.admin.AppActivityRoutes;
import io.herald.server.admin.AppRoutes;
import io.herald.server.api.ApiService;
import io.herald.server.app.App;
import io.herald.server.app.AppCatalog;
import io.herald.server.app.AppSource;
import io.herald.server.app.ConfigAppSource;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.Adapters;
import io.herald.server.cluster.ClusterNode;
import io.herald.server.config.ServerOptions;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.console.ConsolePage;
import io.herald.server.console.ConsoleSockets;
import io.herald.server.extension.Extensions;
import io.herald.server.extension.ServerExtension;
import io.herald.server.extension.ServerExtensionProvider;
import io.herald.server.metrics.NodeMetrics;
import io.herald.server.session.ClientMessageHandler;
import io.herald.server.session.Connection;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.session.SocketIds;
import io.herald.server.session.SubscriptionCounts;
import io.herald.server.session.Watchlists;
import io.herald.server.user.UserRegistry;
import io.herald.server.webhook.WebhookDispatcher;
import io.herald.server.transport.HttpService;
import io.herald.server.transport.Listener;
import io.herald.server.transport.ServerResources;
import io.herald.server.transport.ServerState;
import io.herald.server.transport.WebSocketService;
import io.herald.server.tls.ServerTls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Herald node. {@link #start(ServerOptions)} binds and serves; {@link #close()} shuts down
 * gracefully: turn not-ready and keep serving for the drain period, stop accepting, ask clients to
 * reconnect (4200) spread over the drain window, let API requests finish, flush queued webhooks,
 * stop threads, all within {@link ServerOptions#shutdownTimeout()}.
 */
public final class HeraldServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeraldServer.class);
    /** How long a shutdown waits for HTTP requests still arriving to become whole. */
    private static final long ARRIVING_GRACE_NANOS = 1_000_000_000L;

    private final ServerOptions options;
    private final ServerResources resources;
    private final ServerState state;
    private final Adapter adapter;
    private final WebhookDispatcher webhooks;
    private final ConsoleFeed console;
    private final Listener listener;
    /** Null unless TLS is on and a plain port is set. */
    private final Listener plainListener;
    /** Null without TLS. */
    private final ServerTls tls;
    private final NodeMetrics metrics = new NodeMetrics();
    /** {@code /metrics}, or {@code null} when {@code metrics-port} is not set. */
    private final Listener metricsListener;
    /** The admin API's own port, or {@code null} when it shares the main port (or is off). */
    private final Listener adminListener;
    private final List<ServerExtension> extensions = new ArrayList<>();
    private final AppCatalog apps;
    private boolean closed;

    private HeraldServer(ServerOptions options) throws InterruptedException {
        this.options = options;
        // Unusable TLS files fail here, before anything starts, with the file named.
        this.tls = options.tls() ? ServerTls.load(options.tlsCert(), options.tlsKey()) : null;
        // A database that can't be read fails here, before anything starts.
        AppCatalog apps = new AppCatalog(openAppSource(options), AppCatalog.CHECK_INTERVAL,
                options.secretRotationGrace(), Clock.systemUTC());
        this.apps = apps;
        ChannelRegistries registries = new ChannelRegistries(metrics::forApp);
        UserRegistry users = new UserRegistry();
        ConnectionRegistry connections = new ConnectionRegistry();
        this.resources = new ServerResources(options.eventLoops());
        try {
            // A cluster adapter that cannot reach its backend fails here, before anything serves.
            this.adapter = Adapters.create(new ClusterNode(options, registries, users, connections,
                    resources.timers()));
        } catch (RuntimeException e) {
            resources.shutdown(Duration.ZERO);
            apps.close();
            throw e;
        }
        connections.countElsewhere(adapter::connectionsElsewhere);
        this.console = new ConsoleFeed(options, adapter, resources.timers());
        this.webhooks = new WebhookDispatcher(options, apps, resources.timers(), resources.webhookExecutor(),
                (app, endpoint, capacity) -> adapter.webhookQueue(app.id(), endpoint, capacity), console);
        Watchlists watchlists = new Watchlists(adapter, users);
        NodeEvents events = new NodeEvents(apps, webhooks, watchlists, console);
        events.counts(new SubscriptionCounts(adapter, resources.timers(), options.subscriptionCountInterval(),
                (c, count) -> webhooks.subscriptionCount(c.app(), c.channel(), count)));
        adapter.listen(events);
        ApiService api = new ApiService(apps, adapter, Clock.systemUTC(), console);
        this.state = new ServerState(options, apps, connections, new SocketIds(),
                new ClientMessageHandler(registries, adapter, events, watchlists), api, metrics);
        state.notReadyWhile(adapter::notReadyReason);
        apps.listen(new AppChangeEffects(state, webhooks));
        apps.announceWith(adapter::appChanged);
        AdminAccess admin = AdminAccess.of(options);
        // The console's page calls the admin API on its own origin: both are served on one port.
        List<HttpService> adminServices = List.of(new AdminService(admin, concat(AppRoutes.of(apps),
                AppActivityRoutes.of(apps, connections, adapter, metrics, api, console))), new ConsolePage(admin));
        List<WebSocketService> adminSockets = List.of(new ConsoleSockets(admin, apps, console));
        if (options.adminPort() == ServerOptions.ADMIN_ON_MAIN_PORT) {
            adminServices.forEach(state::mount);
            adminSockets.forEach(state::mount);
        }
        metrics.readGaugesFrom(new NodeGauges(connections, registries, webhooks));
        apps.all().forEach(app -> metrics.forApp(app.id())); // every app listed from the first scrape
        adapter.registerMetrics(metrics);
        Listener metricsBound = null;
        Listener adminBound = null;
        Listener bound = null;
        try {
            startExtensions();
            metricsBound = startMetricsListener();
            adminBound = options.adminPort() == ServerOptions.ADMIN_ON_MAIN_PORT ? null
                    : Listener.bindServices(resources, state, options.adminPort(), tls, adminServices, adminSockets);
            bound = Listener.bind(resources, state, options.port(), tls);
            this.plainListener = options.plainPort() == ServerOptions.NO_PLAIN_PORT ? null
                    : Listener.bind(resources, state, options.plainPort(), null);
        } catch (RuntimeException | InterruptedException e) {
            if (bound != null) {
                bound.stopAccepting();
            }
            if (metricsBound != null) {
                metricsBound.stopAccepting();
            }
            if (adminBound != null) {
                adminBound.stopAccepting();
            }
            metrics.close();
            extensions.forEach(ServerExtension::close);
            resources.shutdown(options.shutdownTimeout());
            adapter.close();
            apps.close();
            throw e;
        }
        this.listener = bound;
        this.metricsListener = metricsBound;
        this.adminListener = adminBound;
        if (tls != null) {
            long every = ServerTls.CHECK_INTERVAL.toMillis();
            resources.timers().scheduleWithFixedDelay(tls::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The first extension's app source (a database), or the configuration file's apps. */
    private static AppSource openAppSource(ServerOptions options) {
        for (ServerExtensionProvider provider : Extensions.providers()) {
            var source = provider.appSource(options, options.extension(provider.name()));
            if (source.isPresent()) {
                return source.get();
            }
        }
        return new ConfigAppSource(options.apps());
    }

    private Listener startMetricsListener() throws InterruptedException {
        if (options.metricsPort() == ServerOptions.METRICS_OFF) {
            return null;
        }
        metrics.includeJvmAndProcess();
        return Listener.bindMetrics(resources, state, options.metricsPort(), metrics::scrape);
    }

    private void startExtensions() {
        for (ServerExtensionProvider provider : Extensions.providers()) {
            ServerExtension extension = provider.start(options, options.extension(provider.name()));
            extensions.add(extension);
            extension.httpServices().forEach(state::mount);
        }
    }

    /** Starts a server; the port it listens on is {@link #port()} (useful with port 0). */
    public static HeraldServer start(ServerOptions options) {
        try {
            HeraldServer server = new HeraldServer(options);
            log.info("Herald listening on {}:{}{}{} with {}", options.host(), server.port(),
                    options.tls() ? " (TLS)" : "", server.plainListener == null ? ""
                            : ", plain HTTP on " + server.plainListener.port(), server.apps.all().size() + " app(s) from "
                            + server.apps.source().description());
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    public int port() {
        return listener.port();
    }

    /** The plain-HTTP port beside the TLS one, or {@link ServerOptions#NO_PLAIN_PORT}. */
    public int plainPort() {
        return plainListener == null ? ServerOptions.NO_PLAIN_PORT : plainListener.port();
    }

    /**
     * Reads {@code tls-cert} and {@code tls-key} again now (SIGHUP) instead of at the next check;
     * returns whether new connections get a new certificate. False without TLS.
     */
    public boolean reloadTls() {
        return tls != null && tls.reloadIfChanged();
    }

    /** The node's apps, as the admin API and the config reload change them. */
    public AppCatalog apps() {
        return apps;
    }

    /**
     * The configuration file's apps as read again (SIGHUP), when apps come from the file: changes apply
     * at once, on this node; returns false when apps come from a database (the file's apps are ignored).
     *
     * @throws IllegalArgumentException when two apps share an id or a key
     */
    public boolean reloadApps(List<App> fromFile) {
        if (!(apps.source() instanceof ConfigAppSource file)) {
            return false;
        }
        file.replace(fromFile, options.secretRotationGrace(), Instant.now());
        apps.refresh().join();
        return true;
    }

    public ServerOptions options() {
        return options;
    }

    /** What the started extensions say about themselves, one line each, for the start-up banner. */
    public List<String> extensionSummary() {
        return extensions.stream().flatMap(e -> e.summary().stream()).toList();
    }

    /** The port of {@code /metrics}; {@link ServerOptions#METRICS_OFF} when it is off. */
    public int metricsPort() {
        return metricsListener == null ? ServerOptions.METRICS_OFF : metricsListener.port();
    }

    /** The debug console's feed on this node (its taps, consoles and queues). */
    public ConsoleFeed console() {
        return console;
    }

    /** The admin API's own port; {@link ServerOptions#ADMIN_ON_MAIN_PORT} when it shares the main port. */
    public int adminPort() {
        return adminListener == null ? ServerOptions.ADMIN_ON_MAIN_PORT : adminListener.port();
    }

    /** Connections currently open on this node. */
    public int connectionCount() {
        return state.connectionCount();
    }

    /** Webhook events dropped because an endpoint's queue was full (each drop is also logged). */
    public long droppedWebhookEvents() {
        return webhooks.droppedEvents();
    }

    /** Each webhook endpoint's queue depth (what a metrics endpoint reads). */
    public List<WebhookDispatcher.QueueDepth> webhookQueueDepths() {
        return webhooks.queueDepths();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
        state.markNotReady();
        if (!options.drainPeriod().isZero()) {
            // Load balancers see /ready fail and stop sending clients; until they do, serve them.
            log.info("Draining: /ready says 503; serving for {} more", options.drainPeriod());
            parkUntil(System.nanoTime() + options.drainPeriod().toNanos());
        }
        listener.stopAccepting();
        if (plainListener != null) {
            plainListener.stopAccepting();
        }
        tellClientsToReconnect(options.drainWindow());
        // Let API requests finish and close frames reach clients, using at most half of what is left.
        // Requests still arriving get a moment to become whole, no more: one that stalls mustn't hold the shutdown.
        long halfway = System.nanoTime() + (deadline - System.nanoTime()) / 2;
        long arrivingUntil = Math.min(halfway, System.nanoTime() + ARRIVING_GRACE_NANOS);
        while ((state.apiRequestsInFlight() > 0 || state.connectionCount() > 0
                || state.requestsArriving() > 0 && System.nanoTime() < arrivingUntil) && System.nanoTime() < halfway) {
            LockSupport.parkNanos(10_000_000L);
        }
        // Departures of the closed connections are webhooks too: flush them with most of what is left.
        adapter.releaseDepartures();
        webhooks.close(Duration.ofNanos(Math.max(0, (deadline - System.nanoTime()) * 3 / 4)));
        extensions.forEach(ServerExtension::close);
        console.close();
        adapter.close();
        apps.close();
        if (metricsListener != null) {
            metricsListener.stopAccepting();
        }
        if (adminListener != null) {
            adminListener.stopAccepting();
        }
        metrics.close();
        resources.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        log.info("Herald stopped");
    }

    /**
     * Closes every connection with 4200, the i-th of n at {@code window × i / n}: clients reconnect to
     * the other nodes evenly instead of all in the same instant.
     */
    private void tellClientsToReconnect(Duration window) {
        List<Connection> connections = List.copyOf(state.connections());
        log.info("Telling {} client(s) to reconnect (4200) over {}", connections.size(), window);
        long start = System.nanoTime();
        for (int i = 0; i < connections.size(); i++) {
            parkUntil(start + window.toNanos() * i / connections.size());
            connections.get(i).close(ErrorCode.RECONNECT, "Server is shutting down; reconnect");
        }
    }

    private static void parkUntil(long nanoTime) {
        // An interrupt ends the wait early (a park returns at once then): the shutdown goes on without it.
        for (long left = nanoTime - System.nanoTime(); left > 0 && !Thread.currentThread().isInterrupted();
                left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
