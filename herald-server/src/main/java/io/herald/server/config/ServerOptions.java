package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Check;
import io.herald.server.app.App;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable server settings. Build with {@link #builder()}; every unset value takes its
 * {@code DEFAULT_*} constant. {@link ConfigLoader} fills a builder from YAML, environment and flags.
 */
public final class ServerOptions {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 6001;
    /** No plain-HTTP port beside the TLS one. */
    public static final int NO_PLAIN_PORT = -1;
    /** Silence after which the server pings a client, and what it tells clients in connection_established. */
    public static final Duration DEFAULT_ACTIVITY_TIMEOUT = Duration.ofSeconds(120);
    /** How long a pinged client has to answer before it is closed with 4201. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(30);
    /** Largest WebSocket frame a client may send. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 64 * 1024;
    /** Largest HTTP API request body. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    /** Pending outbound bytes per connection beyond which the subscriber is closed with 4100. */
    public static final int DEFAULT_OUTBOUND_BUFFER_LIMIT = 4 * 1024 * 1024;
    /** How long a graceful shutdown may take before the process gives up waiting. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long a shutting-down node keeps serving, new connections included, while {@code /ready}
     * says 503 so load balancers stop sending clients; zero goes straight to closing them.
     */
    public static final Duration DEFAULT_DRAIN_PERIOD = Duration.ZERO;
    /** Over how long the clients are told to reconnect (4200), evenly spread; zero tells them all at once. */
    public static final Duration DEFAULT_DRAIN_WINDOW = Duration.ZERO;
    /** How long a cache channel keeps its last event. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(30);
    /** How long webhook events wait to be sent together in one request. */
    public static final Duration DEFAULT_WEBHOOK_BATCH_WINDOW = Duration.ofMillis(250);
    /** Most events in one webhook request; a full batch is sent at once. */
    public static final int DEFAULT_WEBHOOK_BATCH_MAX_SIZE = 100;
    /** Most webhook events waiting per endpoint; beyond it new events are counted and logged as dropped. */
    public static final int DEFAULT_WEBHOOK_QUEUE_CAPACITY = 10_000;
    /** How long one webhook request may take before it counts as failed. */
    public static final Duration DEFAULT_WEBHOOK_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Wait before the first retry of a failed webhook request; it doubles on each retry. */
    public static final Duration DEFAULT_WEBHOOK_RETRY_BACKOFF = Duration.ofMillis(100);
    /**
     * The longest wait between two attempts of a failed webhook request: a returning endpoint gets its
     * backlog within about this long (plus the batch window for events queued after its return).
     */
    public static final Duration DEFAULT_WEBHOOK_RETRY_MAX_BACKOFF = Duration.ofSeconds(1);
    /** How old a webhook event may get (since it was queued) and still be retried; older ones are given up. */
    public static final Duration DEFAULT_WEBHOOK_RETRY_HORIZON = Duration.ofMinutes(5);
    /** How long channel_vacated and member_removed wait; a return within it cancels both webhooks. */
    public static final Duration DEFAULT_WEBHOOK_GRACE = Duration.ofSeconds(3);
    /** Least time between subscription_count events of a channel with over 100 subscribers. */
    public static final Duration DEFAULT_SUBSCRIPTION_COUNT_INTERVAL = Duration.ofSeconds(30);
    /** The cluster adapter: {@code local} serves one node; others (such as {@code redis}) join several. */
    public static final String DEFAULT_ADAPTER = "local";
    // HTTP requests and sockets: what one client can make the node hold before it answers.
    /** Time a socket has to send a complete request (headers and body), from connecting or from its last response. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** HTTP requests one connection may send ahead of their responses before it is closed. */
    public static final int DEFAULT_MAX_PIPELINED_REQUESTS = 16;
    /** Bytes of HTTP request bodies the node holds at once, all connections together. */
    public static final int DEFAULT_REQUEST_BUFFER_LIMIT = 64 * 1024 * 1024;
    /** Sockets one client address may hold open; 0 for no limit (behind a proxy, every client shares its address). */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 0;
    /** {@link #eventLoops()}'s default: one event loop per core. */
    public static final int EVENT_LOOP_PER_CORE = 0;
    /** Most event loops a node may be given: far past any core count, short of a thread per socket. */
    public static final int MAX_EVENT_LOOPS = 256;
    /** {@code metrics-port}: off unless set (9601 is the conventional port; 0 picks a free one). */
    public static final int METRICS_OFF = -1;
    /** {@code admin-port}: unless set, the admin API and console share the main port. */
    public static final int ADMIN_ON_MAIN_PORT = -1;
    /** {@code secret-rotation-grace}: how long an app's previous secret stays valid after a rotation. */
    public static final Duration DEFAULT_SECRET_ROTATION_GRACE = Duration.ofHours(1);
    /** Shortest {@code admin-token} accepted: it is the one credential guarding every app's secrets. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;
    /** {@code console-max-watchers}: debug consoles streamed to by one node at once. */
    public static final int DEFAULT_CONSOLE_MAX_WATCHERS = 8;
    /** {@code console-queue-size}: feed entries that wait for one console before entries are skipped. */
    public static final int DEFAULT_CONSOLE_QUEUE_SIZE = 500;
    /** {@code console-max-rate}: feed entries per second and app one node reports before sampling. */
    public static final int DEFAULT_CONSOLE_MAX_RATE = 200;
    /** {@code log-format}: one human-readable line per event. */
    public static final String DEFAULT_LOG_FORMAT = "human";
    /** The {@code log-format} values. */
    public static final List<String> LOG_FORMATS = List.of("human", "json");
    /** The app that serves when none is configured. */
    public static final App DEFAULT_APP = App.of("app-id", "app-key", "app-secret");

    private final String host;
    private final int port;
    private final Path tlsCert;
    private final Path tlsKey;
    private final int plainPort;
    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private final int maxFrameSize;
    private final int maxRequestSize;
    private final int outboundBufferLimit;
    private final Duration shutdownTimeout;
    private final Duration drainPeriod;
    private final Duration drainWindow;
    private final Duration cacheTtl;
    private final Duration webhookBatchWindow;
    private final int webhookBatchMaxSize;
    private final int webhookQueueCapacity;
    private final Duration webhookRequestTimeout;
    private final Duration webhookRetryBackoff;
    private final Duration webhookRetryMaxBackoff;
    private final Duration webhookRetryHorizon;
    private final Duration webhookGrace;
    private final Duration subscriptionCountInterval;
    private final String adapter;
    private final ObjectNode adapterSettings;
    private final Duration requestTimeout;
    private final int maxPipelinedRequests;
    private final int requestBufferLimit;
    private final int maxConnectionsPerIp;
    private final int eventLoops;
    private final int metricsPort;
    private final String adminToken;
    private final int adminPort;
    private final int consoleMaxWatchers;
    private final int consoleQueueSize;
    private final int consoleMaxRate;
    private final Duration secretRotationGrace;
    private final String logFormat;
    private final List<App> apps;
    private final Map<String, JsonNode> extensions;

    private ServerOptions(Builder b) {
        this.host = Check.notBlank(b.host, "host");
        if (b.port < 0 || b.port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + b.port);
        }
        this.port = b.port;
        if ((b.tlsCert == null) != (b.tlsKey == null)) {
            throw new IllegalArgumentException("tlsCert and tlsKey go together: set both for TLS, or neither");
        }
        this.tlsCert = b.tlsCert;
        this.tlsKey = b.tlsKey;
        if (b.plainPort != NO_PLAIN_PORT && (b.tlsCert == null || b.plainPort < 0 || b.plainPort > 65535
                || b.plainPort != 0 && b.plainPort == b.port)) {
            throw new IllegalArgumentException("plainPort must be a port (0-65535) other than port, and only with TLS"
                    + " (without it port is plain already), was " + b.plainPort);
        }
        this.plainPort = b.plainPort;
        this.activityTimeout = Check.positive(b.activityTimeout, "activityTimeout");
        if (activityTimeout.toSeconds() < 1) {
            // clients are told the timeout in whole seconds; below one it would read as 0 (never)
            throw new IllegalArgumentException("activityTimeout must be at least 1 second, was " + activityTimeout);
        }
        this.pongTimeout = Check.positive(b.pongTimeout, "pongTimeout");
        this.maxFrameSize = Check.positive(b.maxFrameSize, "maxFrameSize");
        this.maxRequestSize = Check.positive(b.maxRequestSize, "maxRequestSize");
        this.outboundBufferLimit = Check.positive(b.outboundBufferLimit, "outboundBufferLimit");
        this.shutdownTimeout = Check.positive(b.shutdownTimeout, "shutdownTimeout");
        this.drainPeriod = Check.notNegative(b.drainPeriod, "drainPeriod");
        this.drainWindow = Check.notNegative(b.drainWindow, "drainWindow");
        if (drainPeriod.plus(drainWindow).compareTo(shutdownTimeout) >= 0) {
            throw new IllegalArgumentException("drainPeriod (" + drainPeriod + ") + drainWindow (" + drainWindow
                    + ") must be shorter than shutdownTimeout (" + shutdownTimeout
                    + "), which also covers flushing webhooks after the clients have gone");
        }
        this.cacheTtl = Check.positive(b.cacheTtl, "cacheTtl");
        this.webhookBatchWindow = Check.positive(b.webhookBatchWindow, "webhookBatchWindow");
        this.webhookBatchMaxSize = Check.positive(b.webhookBatchMaxSize, "webhookBatchMaxSize");
        this.webhookQueueCapacity = Check.positive(b.webhookQueueCapacity, "webhookQueueCapacity");
        this.webhookRequestTimeout = Check.positive(b.webhookRequestTimeout, "webhookRequestTimeout");
        this.webhookRetryBackoff = Check.positive(b.webhookRetryBackoff, "webhookRetryBackoff");
        this.webhookRetryMaxBackoff = Check.positive(b.webhookRetryMaxBackoff, "webhookRetryMaxBackoff");
        if (webhookRetryMaxBackoff.compareTo(webhookRetryBackoff) < 0) {
            throw new IllegalArgumentException("webhookRetryMaxBackoff (" + webhookRetryMaxBackoff
                    + ") must not be shorter than webhookRetryBackoff (" + webhookRetryBackoff + ")");
        }
        this.webhookRetryHorizon = Check.positive(b.webhookRetryHorizon, "webhookRetryHorizon");
        this.webhookGrace = Check.positive(b.webhookGrace, "webhookGrace");
        this.subscriptionCountInterval = Check.positive(b.subscriptionCountInterval, "subscriptionCountInterval");
        this.adapter = Check.notBlank(b.adapter, "adapter");
        this.adapterSettings = b.adapterSettings.deepCopy();
        this.requestTimeout = Check.positive(b.requestTimeout, "requestTimeout");
        this.maxPipelinedRequests = Check.positive(b.maxPipelinedRequests, "maxPipelinedRequests");
        this.requestBufferLimit = Check.positive(b.requestBufferLimit, "requestBufferLimit");
        if (requestBufferLimit < maxRequestSize) {
            throw new IllegalArgumentException("requestBufferLimit (" + requestBufferLimit
                    + ") must be at least maxRequestSize (" + maxRequestSize + "), or no body of that size is ever accepted");
        }
        if (b.maxConnectionsPerIp < 0) {
            throw new IllegalArgumentException("maxConnectionsPerIp must be 0 (no limit) or more, was " + b.maxConnectionsPerIp);
        }
        this.maxConnectionsPerIp = b.maxConnectionsPerIp;
        if (b.eventLoops < EVENT_LOOP_PER_CORE || b.eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be 0 (one per core) to " + MAX_EVENT_LOOPS + ", was " + b.eventLoops);
        }
        this.eventLoops = b.eventLoops;
        if (b.metricsPort < METRICS_OFF || b.metricsPort > 65535) {
            throw new IllegalArgumentException("metricsPort must be between 0 and 65535 (or METRICS_OFF), was " + b.metricsPort);
        }
        this.metricsPort = b.metricsPort;
        if (b.adminToken != null && b.adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("adminToken must be at least " + MIN_ADMIN_TOKEN_LENGTH
                    + " characters, was " + b.adminToken.length());
        }
        this.adminToken = b.adminToken;
        if (b.adminPort < ADMIN_ON_MAIN_PORT || b.adminPort > 65535) {
            throw new IllegalArgumentException("adminPort must be between 0 and 65535 (or ADMIN_ON_MAIN_PORT), was " + b.adminPort);
        }
        if (b.adminPort != ADMIN_ON_MAIN_PORT && b.adminToken == null) {
            throw new IllegalArgumentException("adminPort needs an adminToken: without one the admin API is off");
        }
        this.adminPort = b.adminPort;
        this.consoleMaxWatchers = Check.positive(b.consoleMaxWatchers, "consoleMaxWatchers");
        this.consoleQueueSize = Check.positive(b.consoleQueueSize, "consoleQueueSize");
        this.consoleMaxRate = Check.positive(b.consoleMaxRate, "consoleMaxRate");
        if (b.secretRotationGrace.isNegative()) {
            throw new IllegalArgumentException("secretRotationGrace must be 0 (none) or positive, was " + b.secretRotationGrace);
        }
        this.secretRotationGrace = b.secretRotationGrace;
        if (!LOG_FORMATS.contains(b.logFormat)) {
            throw new IllegalArgumentException("logFormat must be one of " + LOG_FORMATS + ", was " + b.logFormat);
        }
        this.logFormat = b.logFormat;
        this.apps = b.apps.isEmpty() ? List.of(DEFAULT_APP) : List.copyOf(b.apps);
        this.extensions = Map.copyOf(b.extensions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The PEM certificate chain served on {@link #port()}, or {@code null} for plain HTTP. */
    public Path tlsCert() {
        return tlsCert;
    }

    /** The PEM (PKCS#8) private key of {@link #tlsCert()}, or {@code null}. */
    public Path tlsKey() {
        return tlsKey;
    }

    /** Whether {@link #port()} speaks TLS (wss://, https://). */
    public boolean tls() {
        return tlsCert != null;
    }

    /** A port serving plain ws:// and http:// beside the TLS port, or {@link #NO_PLAIN_PORT}. */
    public int plainPort() {
        return plainPort;
    }

    public Duration activityTimeout() {
        return activityTimeout;
    }

    public Duration pongTimeout() {
        return pongTimeout;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    public int maxRequestSize() {
        return maxRequestSize;
    }

    public int outboundBufferLimit() {
        return outboundBufferLimit;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** How long a shutting-down node keeps serving while {@code /ready} says 503. */
    public Duration drainPeriod() {
        return drainPeriod;
    }

    /** Over how long a shutting-down node's clients are told to reconnect, evenly spread. */
    public Duration drainWindow() {
        return drainWindow;
    }

    /** How long a cache channel keeps its last event. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** How long webhook events wait to be sent together in one request. */
    public Duration webhookBatchWindow() {
        return webhookBatchWindow;
    }

    /** Most events in one webhook request; a full batch is sent at once. */
    public int webhookBatchMaxSize() {
        return webhookBatchMaxSize;
    }

    /** Most webhook events waiting per endpoint; beyond it new events are counted and logged as dropped. */
    public int webhookQueueCapacity() {
        return webhookQueueCapacity;
    }

    /** How long one webhook request may take before it counts as failed. */
    public Duration webhookRequestTimeout() {
        return webhookRequestTimeout;
    }

    /** Wait before the first retry of a failed webhook request; it doubles on each retry. */
    public Duration webhookRetryBackoff() {
        return webhookRetryBackoff;
    }

    /** The longest wait between two attempts of a failed webhook request. */
    public Duration webhookRetryMaxBackoff() {
        return webhookRetryMaxBackoff;
    }

    /** How old a webhook event may get (since it was queued) and still be retried; older ones are given up. */
    public Duration webhookRetryHorizon() {
        return webhookRetryHorizon;
    }

    /** How long channel_vacated and member_removed wait; a return within it cancels both webhooks. */
    public Duration webhookGrace() {
        return webhookGrace;
    }

    /** Least time between subscription_count events of a channel with over 100 subscribers. */
    public Duration subscriptionCountInterval() {
        return subscriptionCountInterval;
    }

    /** The configured apps; {@link #DEFAULT_APP} alone when none were given. */
    public List<App> apps() {
        return apps;
    }

    /** The cluster adapter's name: {@code local} (default), or one on the classpath such as {@code redis}. */
    public String adapter() {
        return adapter;
    }

    /**
     * The settings of the {@link #adapter()}, as read ({@code redis-url}, ...); the adapter's factory
     * checks and reads them. An empty object when there are none.
     */
    public JsonNode adapterSettings() {
        return adapterSettings.deepCopy();
    }

    /** The configuration block of the extension {@code name}, as read; an empty object when there is none. */
    public JsonNode extension(String name) {
        JsonNode block = extensions.get(name);
        return block == null ? JsonNodeFactory.instance.objectNode() : block.deepCopy();
    }

    /** Time a socket has to send a complete request (headers and body), from connecting or from its last response. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** HTTP requests one connection may send ahead of their responses before it is closed. */
    public int maxPipelinedRequests() {
        return maxPipelinedRequests;
    }

    /** Bytes of HTTP request bodies the node holds at once, all connections together. */
    public int requestBufferLimit() {
        return requestBufferLimit;
    }

    /** Sockets one client address may hold open; 0 for no limit. */
    public int maxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    /** Event-loop threads serving sockets; {@link #EVENT_LOOP_PER_CORE} for one per core. */
    public int eventLoops() {
        return eventLoops;
    }

    /** The port of {@code /metrics} (Prometheus), or {@link #METRICS_OFF}. */
    public int metricsPort() {
        return metricsPort;
    }

    /** The bearer token of the admin API and the console; {@code null} when they are off. */
    public String adminToken() {
        return adminToken;
    }

    /** The port of the admin API and the console, or {@link #ADMIN_ON_MAIN_PORT}. */
    public int adminPort() {
        return adminPort;
    }

    /** Debug consoles this node streams to at once. */
    public int consoleMaxWatchers() {
        return consoleMaxWatchers;
    }

    /** Feed entries waiting for one console before entries are skipped. */
    public int consoleQueueSize() {
        return consoleQueueSize;
    }

    /** Feed entries per second and watched app this node reports before it samples. */
    public int consoleMaxRate() {
        return consoleMaxRate;
    }

    /** How long an app's previous secret stays valid after a rotation (or a changed secret in the file). */
    public Duration secretRotationGrace() {
        return secretRotationGrace;
    }

    /** {@code human} or {@code json}: how log lines are written. */
    public String logFormat() {
        return logFormat;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.tlsCert = tlsCert;
        b.tlsKey = tlsKey;
        b.plainPort = plainPort;
        b.activityTimeout = activityTimeout;
        b.pongTimeout = pongTimeout;
        b.maxFrameSize = maxFrameSize;
        b.maxRequestSize = maxRequestSize;
        b.outboundBufferLimit = outboundBufferLimit;
        b.shutdownTimeout = shutdownTimeout;
        b.drainPeriod = drainPeriod;
        b.drainWindow = drainWindow;
        b.cacheTtl = cacheTtl;
        b.webhookBatchWindow = webhookBatchWindow;
        b.webhookBatchMaxSize = webhookBatchMaxSize;
        b.webhookQueueCapacity = webhookQueueCapacity;
        b.webhookRequestTimeout = webhookRequestTimeout;
        b.webhookRetryBackoff = webhookRetryBackoff;
        b.webhookRetryMaxBackoff = webhookRetryMaxBackoff;
        b.webhookRetryHorizon = webhookRetryHorizon;
        b.webhookGrace = webhookGrace;
        b.subscriptionCountInterval = subscriptionCountInterval;
        b.adapter = adapter;
        b.adapterSettings = adapterSettings.deepCopy();
        b.requestTimeout = requestTimeout;
        b.maxPipelinedRequests = maxPipelinedRequests;
        b.requestBufferLimit = requestBufferLimit;
        b.maxConnectionsPerIp = maxConnectionsPerIp;
        b.eventLoops = eventLoops;
        b.metricsPort = metricsPort;
        b.adminToken = adminToken;
        b.adminPort = adminPort;
        b.consoleMaxWatchers = consoleMaxWatchers;
        b.consoleQueueSize = consoleQueueSize;
        b.consoleMaxRate = consoleMaxRate;
        b.secretRotationGrace = secretRotationGrace;
        b.logFormat = logFormat;
        b.apps = new ArrayList<>(apps);
        b.extensions = new HashMap<>(extensions);
        return b;
    }

    /** Mutable collector of settings; {@link #build()} validates them. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Path tlsCert;
        private Path tlsKey;
        private int plainPort = NO_PLAIN_PORT;
        private Duration activityTimeout = DEFAULT_ACTIVITY_TIMEOUT;
        private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private int maxRequestSize = DEFAULT_MAX_REQUEST_SIZE;
        private int outboundBufferLimit = DEFAULT_OUTBOUND_BUFFER_LIMIT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration drainPeriod = DEFAULT_DRAIN_PERIOD;
        private Duration drainWindow = DEFAULT_DRAIN_WINDOW;
        private Duration cacheTtl = DEFAULT_CACHE_TTL;
        private Duration webhookBatchWindow = DEFAULT_WEBHOOK_BATCH_WINDOW;
        private int webhookBatchMaxSize = DEFAULT_WEBHOOK_BATCH_MAX_SIZE;
        private int webhookQueueCapacity = DEFAULT_WEBHOOK_QUEUE_CAPACITY;
        private Duration webhookRequestTimeout = DEFAULT_WEBHOOK_REQUEST_TIMEOUT;
        private Duration webhookRetryBackoff = DEFAULT_WEBHOOK_RETRY_BACKOFF;
        private Duration webhookRetryMaxBackoff = DEFAULT_WEBHOOK_RETRY_MAX_BACKOFF;
        private Duration webhookRetryHorizon = DEFAULT_WEBHOOK_RETRY_HORIZON;
        private Duration webhookGrace = DEFAULT_WEBHOOK_GRACE;
        private Duration subscriptionCountInterval = DEFAULT_SUBSCRIPTION_COUNT_INTERVAL;
        private String adapter = DEFAULT_ADAPTER;
        private ObjectNode adapterSettings = JsonNodeFactory.instance.objectNode();
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxPipelinedRequests = DEFAULT_MAX_PIPELINED_REQUESTS;
        private int requestBufferLimit = DEFAULT_REQUEST_BUFFER_LIMIT;
        private int maxConnectionsPerIp = DEFAULT_MAX_CONNECTIONS_PER_IP;
        private int eventLoops = EVENT_LOOP_PER_CORE;
        private int metricsPort = METRICS_OFF;
        private String adminToken;
        private int adminPort = ADMIN_ON_MAIN_PORT;
        private int consoleMaxWatchers = DEFAULT_CONSOLE_MAX_WATCHERS;
        private int consoleQueueSize = DEFAULT_CONSOLE_QUEUE_SIZE;
        private int consoleMaxRate = DEFAULT_CONSOLE_MAX_RATE;
        private Duration secretRotationGrace = DEFAULT_SECRET_ROTATION_GRACE;
        private String logFormat = DEFAULT_LOG_FORMAT;
        private List<App> apps = new ArrayList<>();
        private Map<String, JsonNode> extensions = new HashMap<>();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Port to listen on; 0 picks a free one (see {@code HeraldServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serves {@code port} over TLS with this PEM certificate chain (server certificate first) and PKCS#8 key. */
        public Builder tls(Path certificateChain, Path privateKey) {
            this.tlsCert = certificateChain;
            this.tlsKey = privateKey;
            return this;
        }

        /** Also serves plain ws:// and http:// on this port (0 picks a free one); only with {@link #tls}. */
        public Builder plainPort(int plainPort) {
            this.plainPort = plainPort;
            return this;
        }

        public Builder activityTimeout(Duration activityTimeout) {
            this.activityTimeout = activityTimeout;
            return this;
        }

        public Builder pongTimeout(Duration pongTimeout) {
            this.pongTimeout = pongTimeout;
            return this;
        }

        public Builder maxFrameSize(int maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
            return this;
        }

        public Builder maxRequestSize(int maxRequestSize) {
            this.maxRequestSize = maxRequestSize;
            return this;
        }

        public Builder outboundBufferLimit(int outboundBufferLimit) {
            this.outboundBufferLimit = outboundBufferLimit;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /** How long a shutting-down node keeps serving while {@code /ready} says 503; zero for no wait. */
        public Builder drainPeriod(Duration drainPeriod) {
            this.drainPeriod = drainPeriod;
            return this;
        }

        /** Over how long a shutting-down node's clients are told to reconnect; zero for all at once. */
        public Builder drainWindow(Duration drainWindow) {
            this.drainWindow = drainWindow;
            return this;
        }

        /** How long a cache channel keeps its last event. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        /** How long webhook events wait to be sent together in one request. */
        public Builder webhookBatchWindow(Duration webhookBatchWindow) {
            this.webhookBatchWindow = webhookBatchWindow;
            return this;
        }

        /** Most events in one webhook request; a full batch is sent at once. */
        public Builder webhookBatchMaxSize(int webhookBatchMaxSize) {
            this.webhookBatchMaxSize = webhookBatchMaxSize;
            return this;
        }

        /** Most webhook events waiting per endpoint; beyond it new events are counted and logged as dropped. */
        public Builder webhookQueueCapacity(int webhookQueueCapacity) {
            this.webhookQueueCapacity = webhookQueueCapacity;
            return this;
        }

        /** How long one webhook request may take before it counts as failed. */
        public Builder webhookRequestTimeout(Duration webhookRequestTimeout) {
            this.webhookRequestTimeout = webhookRequestTimeout;
            return this;
        }

        /** Wait before the first retry of a failed webhook request; it doubles on each retry. */
        public Builder webhookRetryBackoff(Duration webhookRetryBackoff) {
            this.webhookRetryBackoff = webhookRetryBackoff;
            return this;
        }

        /** The longest wait between two attempts of a failed webhook request. */
        public Builder webhookRetryMaxBackoff(Duration webhookRetryMaxBackoff) {
            this.webhookRetryMaxBackoff = webhookRetryMaxBackoff;
            return this;
        }

        /** How old a webhook event may get (since it was queued) and still be retried; older ones are given up. */
        public Builder webhookRetryHorizon(Duration webhookRetryHorizon) {
            this.webhookRetryHorizon = webhookRetryHorizon;
            return this;
        }

        /** How long channel_vacated and member_removed wait; a return within it cancels both webhooks. */
        public Builder webhookGrace(Duration webhookGrace) {
            this.webhookGrace = webhookGrace;
            return this;
        }

        /** Least time between subscription_count events of a channel with over 100 subscribers. */
        public Builder subscriptionCountInterval(Duration subscriptionCountInterval) {
            this.subscriptionCountInterval = subscriptionCountInterval;
            return this;
        }

        /** The cluster adapter: {@code local}, or one on the classpath such as {@code redis}. */
        public Builder adapter(String adapter) {
            this.adapter = adapter;
            return this;
        }

        /**
         * One setting of the adapter, by its configuration name and as the file would spell it
         * ({@code adapterSetting("redis-url", "redis://127.0.0.1:6379")}); the adapter checks it when it starts.
         */
        public Builder adapterSetting(String field, String value) {
            this.adapterSettings.put(field, value);
            return this;
        }

        /** Replaces the adapter's settings with those {@link io.herald.server.cluster.AdapterFactory#validate} accepted. */
        Builder adapterSettings(ObjectNode settings) {
            this.adapterSettings = settings.deepCopy();
            return this;
        }

        /** Time a socket has to send a complete request; past it the server answers 408 and closes. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** HTTP requests one connection may send ahead of their responses before it is closed. */
        public Builder maxPipelinedRequests(int maxPipelinedRequests) {
            this.maxPipelinedRequests = maxPipelinedRequests;
            return this;
        }

        /** Bytes of HTTP request bodies the node holds at once; past it new bodies get 503. */
        public Builder requestBufferLimit(int requestBufferLimit) {
            this.requestBufferLimit = requestBufferLimit;
            return this;
        }

        /** Sockets one client address may hold open; 0 for no limit. Past it new sockets get 429. */
        public Builder maxConnectionsPerIp(int maxConnectionsPerIp) {
            this.maxConnectionsPerIp = maxConnectionsPerIp;
            return this;
        }

        /**
         * Event-loop threads serving sockets; {@link #EVENT_LOOP_PER_CORE} (the default) for one per
         * core. Fewer leave cores to other processes on the host.
         */
        public Builder eventLoops(int eventLoops) {
            this.eventLoops = eventLoops;
            return this;
        }

        /** Serves Prometheus metrics at {@code /metrics} on this port (0: a free one); {@link #METRICS_OFF} by default. */
        public Builder metricsPort(int metricsPort) {
            this.metricsPort = metricsPort;
            return this;
        }

        /** Turns the admin API and the console on, guarded by this bearer token; off ({@code null}) by default. */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /** Serves the admin API and the console on this port only (0: a free one); the main port by default. */
        public Builder adminPort(int adminPort) {
            this.adminPort = adminPort;
            return this;
        }

        /** Debug consoles this node streams to at once ({@link #DEFAULT_CONSOLE_MAX_WATCHERS}). */
        public Builder consoleMaxWatchers(int consoleMaxWatchers) {
            this.consoleMaxWatchers = consoleMaxWatchers;
            return this;
        }

        /** Feed entries waiting for one console ({@link #DEFAULT_CONSOLE_QUEUE_SIZE}). */
        public Builder consoleQueueSize(int consoleQueueSize) {
            this.consoleQueueSize = consoleQueueSize;
            return this;
        }

        /** Feed entries per second and watched app before sampling ({@link #DEFAULT_CONSOLE_MAX_RATE}). */
        public Builder consoleMaxRate(int consoleMaxRate) {
            this.consoleMaxRate = consoleMaxRate;
            return this;
        }

        /** How long an app's previous secret stays valid after a rotation; zero for not at all. */
        public Builder secretRotationGrace(Duration secretRotationGrace) {
            this.secretRotationGrace = secretRotationGrace;
            return this;
        }

        /** {@code human} (the default) or {@code json}: one JSON object per log line. */
        public Builder logFormat(String logFormat) {
            this.logFormat = logFormat;
            return this;
        }

        /** Replaces the app list. */
        public Builder apps(List<App> apps) {
            this.apps = new ArrayList<>(apps);
            return this;
        }

        /** The configuration block of an extension, such as {@code push}; validated by the extension. */
        public Builder extension(String name, JsonNode settings) {
            this.extensions.put(name, settings.deepCopy());
            return this;
        }

        public Builder addApp(App app) {
            this.apps.add(app);
            return this;
        }

        // what the cross-field checks of OptionsBinder compare
        int port() {
            return port;
        }

        Duration shutdownTimeout() {
            return shutdownTimeout;
        }

        Duration drainPeriod() {
            return drainPeriod;
        }

        Duration drainWindow() {
            return drainWindow;
        }

        Duration webhookRetryBackoff() {
            return webhookRetryBackoff;
        }

        Duration webhookRetryMaxBackoff() {
            return webhookRetryMaxBackoff;
        }

        public ServerOptions build() {
            return new ServerOptions(this);
        }
    }
}
