package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.Check;
import io.herald.server.app.App;
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
    /** The cluster adapter: {@code local} serves one node, {@code redis} joins the nodes sharing a Redis. */
    public static final String DEFAULT_ADAPTER = "local";
    /** Prefix of every Redis key and channel, so several Herald clusters can share one Redis. */
    public static final String DEFAULT_REDIS_KEY_PREFIX = "herald:";
    /** How long a node may miss its heartbeats before the others remove its connections' state. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(30);
    // HTTP requests and sockets: what one client can make the node hold before it answers.
    /** Time a socket has to send a complete request (headers and body), from connecting or from its last response. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** HTTP requests one connection may send ahead of their responses before it is closed. */
    public static final int DEFAULT_MAX_PIPELINED_REQUESTS = 16;
    /** Bytes of HTTP request bodies the node holds at once, all connections together. */
    public static final int DEFAULT_REQUEST_BUFFER_LIMIT = 64 * 1024 * 1024;
    /** Sockets one client address may hold open; 0 for no limit (behind a proxy, every client shares its address). */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 0;
    /** The app that serves when none is configured. */
    /** {@code metrics-port}: off unless set (9601 is the conventional port; 0 picks a free one). */
    public static final int METRICS_OFF = -1;
    /** {@code log-format}: one human-readable line per event. */
    public static final String DEFAULT_LOG_FORMAT = "human";
    /** The {@code log-format} values. */
    public static final List<String> LOG_FORMATS = List.of("human", "json");
    public static final App DEFAULT_APP = App.of("app-id", "app-key", "app-secret");

    private final String host;
    private final int port;
    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private final int maxFrameSize;
    private final int maxRequestSize;
    private final int outboundBufferLimit;
    private final Duration shutdownTimeout;
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
    private final String redisUrl;
    private final String redisKeyPrefix;
    private final Duration nodeTimeout;
    private final Duration requestTimeout;
    private final int maxPipelinedRequests;
    private final int requestBufferLimit;
    private final int maxConnectionsPerIp;
    private final int metricsPort;
    private final String logFormat;
    private final List<App> apps;
    private final Map<String, JsonNode> extensions;

    private ServerOptions(Builder b) {
        this.host = Check.notBlank(b.host, "host");
        if (b.port < 0 || b.port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + b.port);
        }
        this.port = b.port;
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
        if (!adapter.equals(DEFAULT_ADAPTER) && (b.redisUrl == null || b.redisUrl.isBlank())) {
            throw new IllegalArgumentException("redisUrl is required when adapter is " + adapter);
        }
        this.redisUrl = b.redisUrl;
        this.redisKeyPrefix = b.redisKeyPrefix == null ? "" : b.redisKeyPrefix;
        this.nodeTimeout = Check.positive(b.nodeTimeout, "nodeTimeout");
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
        if (b.metricsPort < METRICS_OFF || b.metricsPort > 65535) {
            throw new IllegalArgumentException("metricsPort must be between 0 and 65535 (or METRICS_OFF), was " + b.metricsPort);
        }
        this.metricsPort = b.metricsPort;
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

    /** The cluster adapter's name: {@code local} (default) or {@code redis}. */
    public String adapter() {
        return adapter;
    }

    /** The Redis URL of the {@code redis} adapter, or {@code null}. */
    public String redisUrl() {
        return redisUrl;
    }

    public String redisKeyPrefix() {
        return redisKeyPrefix;
    }

    /** How long a node may miss heartbeats before the others remove its connections' state. */
    public Duration nodeTimeout() {
        return nodeTimeout;
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

    /** The port of {@code /metrics} (Prometheus), or {@link #METRICS_OFF}. */
    public int metricsPort() {
        return metricsPort;
    }

    /** {@code human} or {@code json}: how log lines are written. */
    public String logFormat() {
        return logFormat;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.activityTimeout = activityTimeout;
        b.pongTimeout = pongTimeout;
        b.maxFrameSize = maxFrameSize;
        b.maxRequestSize = maxRequestSize;
        b.outboundBufferLimit = outboundBufferLimit;
        b.shutdownTimeout = shutdownTimeout;
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
        b.redisUrl = redisUrl;
        b.redisKeyPrefix = redisKeyPrefix;
        b.nodeTimeout = nodeTimeout;
        b.requestTimeout = requestTimeout;
        b.maxPipelinedRequests = maxPipelinedRequests;
        b.requestBufferLimit = requestBufferLimit;
        b.maxConnectionsPerIp = maxConnectionsPerIp;
        b.metricsPort = metricsPort;
        b.logFormat = logFormat;
        b.apps = new ArrayList<>(apps);
        b.extensions = new HashMap<>(extensions);
        return b;
    }

    /** Mutable collector of settings; {@link #build()} validates them. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration activityTimeout = DEFAULT_ACTIVITY_TIMEOUT;
        private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private int maxRequestSize = DEFAULT_MAX_REQUEST_SIZE;
        private int outboundBufferLimit = DEFAULT_OUTBOUND_BUFFER_LIMIT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
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
        private String redisUrl;
        private String redisKeyPrefix = DEFAULT_REDIS_KEY_PREFIX;
        private Duration nodeTimeout = DEFAULT_NODE_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxPipelinedRequests = DEFAULT_MAX_PIPELINED_REQUESTS;
        private int requestBufferLimit = DEFAULT_REQUEST_BUFFER_LIMIT;
        private int maxConnectionsPerIp = DEFAULT_MAX_CONNECTIONS_PER_IP;
        private int metricsPort = METRICS_OFF;
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

        /** The cluster adapter: {@code local} or {@code redis} (then {@link #redisUrl} is required). */
        public Builder adapter(String adapter) {
            this.adapter = adapter;
            return this;
        }

        /**
         * {@code redis://[:password@]host:port[/database]}, {@code rediss://} for TLS, a Sentinel URL, or
         * a Redis Cluster's seed nodes: {@code redis-cluster://[:password@]host:port,host:port}.
         */
        public Builder redisUrl(String redisUrl) {
            this.redisUrl = redisUrl;
            return this;
        }

        /** Prefix of every Redis key and channel this cluster uses. */
        public Builder redisKeyPrefix(String redisKeyPrefix) {
            this.redisKeyPrefix = redisKeyPrefix;
            return this;
        }

        /** How long a node may miss heartbeats before the others remove its connections' state. */
        public Builder nodeTimeout(Duration nodeTimeout) {
            this.nodeTimeout = nodeTimeout;
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

        /** Serves Prometheus metrics at {@code /metrics} on this port (0: a free one); {@link #METRICS_OFF} by default. */
        public Builder metricsPort(int metricsPort) {
            this.metricsPort = metricsPort;
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

        public ServerOptions build() {
            return new ServerOptions(this);
        }
    }
}
