package io.herald.server.config;

import io.herald.protocol.Check;
import io.herald.server.app.App;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    /** The app that serves when none is configured. */
    public static final App DEFAULT_APP = App.of("app-id", "app-key", "app-secret");

    private final String host;
    private final int port;
    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private final int maxFrameSize;
    private final int maxRequestSize;
    private final int outboundBufferLimit;
    private final Duration shutdownTimeout;
    private final List<App> apps;

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
        this.apps = b.apps.isEmpty() ? List.of(DEFAULT_APP) : List.copyOf(b.apps);
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

    /** The configured apps; {@link #DEFAULT_APP} alone when none were given. */
    public List<App> apps() {
        return apps;
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
        b.apps = new ArrayList<>(apps);
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
        private List<App> apps = new ArrayList<>();

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

        /** Replaces the app list. */
        public Builder apps(List<App> apps) {
            this.apps = new ArrayList<>(apps);
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
