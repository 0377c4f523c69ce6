package io.herald.client;

import io.herald.protocol.Check;
import io.herald.protocol.HeraldVersion;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link HeraldRealtime}. Build with {@link #builder(String)}; every setting not
 * given has the {@code DEFAULT_*} value documented on its builder method. Instances are safe to share
 * between threads.
 *
 * <pre>{@code
 * HeraldRealtimeOptions options = HeraldRealtimeOptions.builder("app-key")
 *         .host("realtime.example.com")
 *         .port(443)
 *         .tls(true)
 *         .authorizer(new HttpChannelAuthorizer(URI.create("https://example.com/pusher/auth")))
 *         .build();
 * }</pre>
 */
public final class HeraldRealtimeOptions {

    /** The host connected to when none is given: the local machine. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The port connected to when none is given: Herald's default WebSocket port. */
    public static final int DEFAULT_PORT = 6001;
    /** Silence after which the client pings; a shorter {@code activity_timeout} from the server wins. */
    public static final Duration DEFAULT_ACTIVITY_TIMEOUT = Duration.ofSeconds(120);
    /** How long a ping may go unanswered before the client drops the connection and reconnects. */
    public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(30);
    /** Longest wait for the WebSocket handshake to complete. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Delay before the first reconnect attempt; each further failed attempt doubles it. */
    public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofSeconds(1);
    /** Upper bound of the doubling reconnect delay. */
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

    /**
     * Starts the settings of a connection to one app.
     *
     * @param key the app's public key (not its secret); must not be blank, checked by {@link Builder#build()}
     * @return a builder with every other setting at its default
     */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    /**
     * The address the client opens.
     *
     * @return {@code ws[s]://host:port/app/{key}?protocol=7&client=herald-java&version=…}
     */
    public URI webSocketUri() {
        return URI.create((tls ? "wss" : "ws") + "://" + host + ":" + port + "/app/" + key
                + "?protocol=" + PROTOCOL_VERSION + "&client=herald-java&version=" + HeraldVersion.current());
    }

    /** @return the app's public key */
    public String key() {
        return key;
    }

    /** @return the server's host name or address */
    public String host() {
        return host;
    }

    /** @return the server's port, 1–65535 */
    public int port() {
        return port;
    }

    /** @return true for {@code wss://}, false for plain {@code ws://} */
    public boolean tls() {
        return tls;
    }

    /** @return the TLS context for {@code wss://}, or {@code null} for the JVM's default */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** @return the authorizer for private, presence and encrypted channels, or {@code null} for none */
    public ChannelAuthorizer authorizer() {
        return authorizer;
    }

    /** @return what signs user sign-ins ({@link HeraldRealtime#signin()}), or {@code null} for none */
    public UserAuthenticator userAuthenticator() {
        return userAuthenticator;
    }

    /** @return true when the client signs in by itself on connect, as if {@link HeraldRealtime#signin()} had been called */
    public boolean signinOnConnect() {
        return signinOnConnect;
    }

    /** @return the silence after which the client pings (a shorter one announced by the server wins) */
    public Duration activityTimeout() {
        return activityTimeout;
    }

    /** @return how long a ping may go unanswered before the client reconnects */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** @return the longest WebSocket handshake */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the first reconnect delay, doubled per failed attempt */
    public Duration reconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /** @return the cap of the reconnect delay */
    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** Collects settings; nothing is checked until {@link #build()}. Not thread-safe. */
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

        /**
         * Sets the server to connect to.
         *
         * @param host a host name or address; default {@link #DEFAULT_HOST}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the server's port.
         *
         * @param port 1–65535; default {@link #DEFAULT_PORT}, Herald's
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Chooses between an encrypted and a plain connection.
         *
         * @param tls true for {@code wss://}, false for {@code ws://}; default false
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Sets the trust (and client keys) for {@code wss://}, e.g. to accept a private CA.
         *
         * @param sslContext the context, or {@code null} (the default) for the JVM's default context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Sets what signs private, presence and encrypted subscriptions.
         *
         * @param authorizer e.g. an {@link HttpChannelAuthorizer}, or {@code null} (the default) for public
         *     channels only
         * @return this builder
         */
        public Builder authorizer(ChannelAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /**
         * Sets what signs user sign-ins, like pusher-js's {@code userAuthentication}.
         *
         * @param userAuthenticator e.g. an {@link HttpUserAuthenticator}, or {@code null} (the default) for none
         * @return this builder
         */
        public Builder userAuthenticator(UserAuthenticator userAuthenticator) {
            this.userAuthenticator = userAuthenticator;
            return this;
        }

        /**
         * Makes the client sign in on every connect without calling {@link HeraldRealtime#signin()}; needs
         * a {@link #userAuthenticator(UserAuthenticator)}.
         *
         * @param signinOnConnect true to sign in on connect; default false
         * @return this builder
         */
        public Builder signinOnConnect(boolean signinOnConnect) {
            this.signinOnConnect = signinOnConnect;
            return this;
        }

        /**
         * Sets the silence after which the client pings the server.
         *
         * @param activityTimeout positive; default {@link #DEFAULT_ACTIVITY_TIMEOUT}
         * @return this builder
         */
        public Builder activityTimeout(Duration activityTimeout) {
            this.activityTimeout = activityTimeout;
            return this;
        }

        /**
         * Sets how long a ping may go unanswered before the client reconnects.
         *
         * @param pongTimeout positive; default {@link #DEFAULT_PONG_TIMEOUT}
         * @return this builder
         */
        public Builder pongTimeout(Duration pongTimeout) {
            this.pongTimeout = pongTimeout;
            return this;
        }

        /**
         * Sets the longest WebSocket handshake; a slower one counts as a failed attempt.
         *
         * @param connectTimeout positive; default {@link #DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets the first reconnect delay, doubled per failed attempt.
         *
         * @param reconnectInitialDelay positive; default {@link #DEFAULT_RECONNECT_INITIAL_DELAY}
         * @return this builder
         */
        public Builder reconnectInitialDelay(Duration reconnectInitialDelay) {
            this.reconnectInitialDelay = reconnectInitialDelay;
            return this;
        }

        /**
         * Sets the cap of the doubling reconnect delay.
         *
         * @param reconnectMaxDelay at least the initial delay; default {@link #DEFAULT_RECONNECT_MAX_DELAY}
         * @return this builder
         */
        public Builder reconnectMaxDelay(Duration reconnectMaxDelay) {
            this.reconnectMaxDelay = reconnectMaxDelay;
            return this;
        }

        /**
         * Checks the settings and freezes them.
         *
         * @return the options
         * @throws IllegalArgumentException naming the setting when one is blank, out of range or not
         *     positive, or when the maximum reconnect delay is below the initial one
         */
        public HeraldRealtimeOptions build() {
            return new HeraldRealtimeOptions(this);
        }
    }
}
