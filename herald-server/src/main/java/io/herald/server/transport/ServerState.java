package io.herald.server.transport;

import io.herald.server.api.ApiService;
import io.herald.server.app.AppStore;
import io.herald.server.config.ServerOptions;
import io.herald.server.metrics.NodeMetrics;
import io.herald.server.session.ClientMessageHandler;
import io.herald.server.session.Connection;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.session.SocketIds;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the Netty handlers share: settings, the services they hand work to, and the two facts a
 * graceful shutdown needs (whether the server is still ready, how many API requests are running).
 */
public final class ServerState {

    final ServerOptions options;
    final AppStore apps;
    final ConnectionRegistry connections;
    final SocketIds socketIds;
    final ClientMessageHandler messages;
    final ApiService api;
    final NodeMetrics metrics;
    /** One for every WebSocket: the decoders only read it. */
    final WebSocketDecoderConfig webSocketDecoderConfig;
    final SocketLimit socketLimit = SocketLimit.ofThisProcess();
    final ConnectionsPerIp connectionsPerIp;
    /** Bytes of HTTP request bodies held, node-wide: {@code request-buffer-limit}. */
    final RequestBytes requestBytes;
    final AtomicBoolean ready = new AtomicBoolean(true);
    /** HTTP requests received whole and not yet answered; kept by {@link InFlightRequests}. */
    final AtomicInteger apiInFlight = new AtomicInteger();
    /** The main port's services beside the API and {@code /app/{key}}. */
    final HttpServices services = new HttpServices();
    /** HTTP requests whose headers came and whose body is still arriving; kept by {@link InFlightRequests}. */
    final AtomicInteger requestsArriving = new AtomicInteger();
    private volatile Supplier<Optional<String>> adapterNotReady = Optional::empty;

    public ServerState(ServerOptions options, AppStore apps, ConnectionRegistry connections, SocketIds socketIds,
                       ClientMessageHandler messages, ApiService api) {
        this(options, apps, connections, socketIds, messages, api, new NodeMetrics());
    }

    /** @param metrics the node's counters, which the handlers add to */
    public ServerState(ServerOptions options, AppStore apps, ConnectionRegistry connections, SocketIds socketIds,
                       ClientMessageHandler messages, ApiService api, NodeMetrics metrics) {
        this.metrics = metrics;
        this.options = options;
        this.apps = apps;
        this.connections = connections;
        this.socketIds = socketIds;
        this.messages = messages;
        this.api = api;
        this.connectionsPerIp = new ConnectionsPerIp(options.maxConnectionsPerIp());
        this.requestBytes = new RequestBytes(options.requestBufferLimit());
        this.webSocketDecoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(options.maxFrameSize())
                .closeOnProtocolViolation(false)
                .build();
    }

    public boolean isReady() {
        return notReadyReasons().isEmpty();
    }

    /**
     * Why {@code /ready} answers 503, empty when it answers 200: {@code draining} (shutting down),
     * the cluster adapter's own reason when it lost its backend (the Redis adapter's
     * {@code redis-unreachable}), {@code open-files-limit} (new sockets would be refused).
     */
    public List<String> notReadyReasons() {
        List<String> reasons = new ArrayList<>(3);
        if (!ready.get()) {
            reasons.add("draining");
        }
        adapterNotReady.get().ifPresent(reasons::add);
        if (socketLimit.atLimit()) {
            reasons.add("open-files-limit");
        }
        return reasons;
    }

    /** Also not ready while {@code reason} names one: the cluster adapter has lost its backend. */
    public void notReadyWhile(Supplier<Optional<String>> reason) {
        this.adapterNotReady = reason;
    }

    /** Serves {@code service}'s paths from now on, on every socket. */
    public void mount(HttpService service) {
        services.mount(service);
    }

    /** Takes WebSocket upgrades on {@code service}'s paths from now on. */
    public void mount(WebSocketService service) {
        services.mount(service);
    }

    public void markNotReady() {
        ready.set(false);
    }

    public int apiRequestsInFlight() {
        return apiInFlight.get();
    }

    /** HTTP requests begun and not yet whole: a shutdown gives them only a moment. */
    public int requestsArriving() {
        return requestsArriving.get();
    }

    public int connectionCount() {
        return connections.all().size();
    }

    public Collection<Connection> connections() {
        return connections.all();
    }
}
