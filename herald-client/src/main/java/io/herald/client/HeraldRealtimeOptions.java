package io.herald.client;

import io.herald.protocol.Check;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link HeraldRealtime}. Build with {@link #builder(String)}; every setting not
 * given has the {@code DEFAULT_*} value documented on its builder method.
 */
public final class HeraldRealtimeOptions {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 6001;
    /** Silence after which the client pings; a shorter {@code activity_timeout} from the server wins. */
    public static final Duration DEFAULT_ACTIVITY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(30);
    /** The protocol version this client speaks. */
    public static final int PROTOCOL_VERSION = 7;

    private final String key;
    private final String host;
    private final int port;
    private final boolean tls;
    private final SSLContext sslContext;
    private final ChannelAuthorizer authorizer;
    private final UserAuthenticator userAuthenticator;
    private final boolean signinOnConnect;
    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private final Duration connectTimeout;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;

    private HeraldRealtimeOptions(Builder b) {
        this.key = Check.notBlank(b.key, "key");
        this.host = Check.notBlank(b.host, "host");
        if (b.port < 1 || b.port > 65535) {
            throw new IllegalArgumentException("port must be 1–65535, was " + b.port);
        }
        this.port = b.port;
        this.tls = b.tls;
        this.sslContext = b.sslContext;
        this.authorizer = b.authorizer;
        this.userAuthenticator = b.userAuthenticator;
        this.signinOnConnect = b.signinOnConnect;
        this.activityTimeout = Check.positive(b.activityTimeout, "activityTimeout");
        this.pongTimeout = Check.positive(b.pongTimeout, "pongTimeout");
        this.connectTimeout = Check.positive(b.connectTimeout, "connectTimeout");
        this.reconnectInitialDelay = Check.positive(b.reconnectInitialDelay, "reconnectInitialDelay");
        this.reconnectMaxDelay = Check.positive(b.reconnectMaxDelay, "reconnectMaxDelay");
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay must be at least reconnectInitialDelay, was "
                    + reconnectMaxDelay);
        }
    }

    /** A builder for an app with this public key. */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    /** {@code ws[s]://host:port/app/{key}?protocol=7&client=herald-java&version=…} */
    public URI webSocketUri() {
        return URI.create((tls ? "wss" : "ws") + "://" + host + ":" + port + "/app/" + key
                + "?protocol=" + PROTOCOL_VERSION + "&client=herald-java&version=0.1.0");
    }

    public String key() {
        return key;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls;
    }

    /** The TLS context for {@code wss://}, or {@code null} for the JVM's default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** The authorizer for private, presence and encrypted channels, or {@code null} for none. */
    public ChannelAuthorizer authorizer() {
        return authorizer;
    }

    /** Signs user sign-ins ({@link HeraldRealtime#signin()}), or {@code null} for none. */
    public UserAuthenticator userAuthenticator() {
        return userAuthenticator;
    }

    /** True when the client signs in by itself on connect, as if {@link HeraldRealtime#signin()} had been called. */
    public boolean signinOnConnect() {
        return signinOnConnect;
    }

    public Duration activityTimeout() {
        return activityTimeout;
    }

    public Duration pongTimeout() {
        return pongTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration reconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final String key;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private boolean tls;
        private SSLContext sslContext;
        private ChannelAuthorizer authorizer;
        private UserAuthenticator userAuthenticator;
        private boolean signinOnConnect;
        private Duration activityTimeout = DEFAULT_ACTIVITY_TIMEOUT;
        private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration reconnectInitialDelay = DEFAULT_RECONNECT_INITIAL_DELAY;
        private Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;

        private Builder(String key) {
            this.key = key;
        }

        /** Server host; default {@link #DEFAULT_HOST}. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Server port; default {@link #DEFAULT_PORT}, Herald's. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code wss://} instead of {@code ws://}; default off. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Trust (and client keys) for {@code wss://}, e.g. a private CA; default the JVM's default context. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Signs private, presence and encrypted subscriptions; default none (public channels only). */
        public Builder authorizer(ChannelAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /** Signs user sign-ins, like pusher-js's {@code userAuthentication}; default none. */
        public Builder userAuthenticator(UserAuthenticator userAuthenticator) {
            this.userAuthenticator = userAuthenticator;
            return this;
        }

        /** Sign in on every connect without calling {@link HeraldRealtime#signin()}; default off. */
        public Builder signinOnConnect(boolean signinOnConnect) {
            this.signinOnConnect = signinOnConnect;
            return this;
        }

        /** Ping after this much silence; default {@link #DEFAULT_ACTIVITY_TIMEOUT}. */
        public Builder activityTimeout(Duration activityTimeout) {
            this.activityTimeout = activityTimeout;
            return this;
        }

        /** Reconnect when nothing answers a ping within this; default {@link #DEFAULT_PONG_TIMEOUT}. */
        public Builder pongTimeout(Duration pongTimeout) {
            this.pongTimeout = pongTimeout;
            return this;
        }

        /** Longest WebSocket handshake; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** First backoff delay, doubled per failed attempt; default {@link #DEFAULT_RECONNECT_INITIAL_DELAY}. */
        public Builder reconnectInitialDelay(Duration reconnectInitialDelay) {
            this.reconnectInitialDelay = reconnectInitialDelay;
            return this;
        }

        /** Cap of the backoff delay; default {@link #DEFAULT_RECONNECT_MAX_DELAY}. */
        public Builder reconnectMaxDelay(Duration reconnectMaxDelay) {
            this.reconnectMaxDelay = reconnectMaxDelay;
            return this;
        }

        public HeraldRealtimeOptions build() {
            return new HeraldRealtimeOptions(this);
        }
    }
}
