package io.herald.sdk;

import io.herald.protocol.Check;
import io.herald.protocol.Limits;
import io.herald.protocol.crypto.SharedSecret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link HeraldRest}: where the server is, the app's credentials and how
 * requests travel. Build with {@link #builder()}, or from a URL ({@link #fromUrl(String)}) or the
 * environment ({@link #fromEnvironment()}); explicit builder settings beat the environment.
 *
 * <p>Defaults: TLS on for a hosted cluster or port 443 and off for a host given on another port,
 * port 443 with TLS and 80 without, request timeout
 * {@link #DEFAULT_REQUEST_TIMEOUT}, keep-alive on ({@link #DEFAULT_KEEP_ALIVE}), Pusher's limits
 * ({@link Limits#DEFAULT}), JSON through {@link JacksonSerializer}. {@code cluster} sets the host to
 * {@code api-{cluster}.pusher.com} unless a host is given. Missing or malformed settings fail in
 * {@link Builder#build()} with a {@link HeraldValidationException} naming the setting.
 */
public final class HeraldRestOptions {

    /** How long one request may wait for its answer before it fails with a {@link HeraldTimeoutException}. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Connections are reused between requests unless turned off. */
    public static final boolean DEFAULT_KEEP_ALIVE = true;
    /** Bytes in an encryption master key. */
    public static final int MASTER_KEY_BYTES = SharedSecret.MASTER_KEY_BYTES;

    private final String appId;
    private final String key;
    private final String secret;
    private final String host;
    private final String cluster;
    private final int port;
    private final boolean useTls;
    private final URI proxy;
    private final Duration requestTimeout;
    private final boolean keepAlive;
    private final byte[] encryptionMasterKey;
    private final JsonSerializer serializer;
    private final Limits limits;
    private final SSLContext sslContext;

    private HeraldRestOptions(Builder b) {
        this.appId = SettingParser.required(b.appId, "appId");
        this.key = SettingParser.required(b.key, "key");
        this.secret = SettingParser.required(b.secret, "secret");
        this.host = b.host != null ? b.host : b.cluster != null ? "api-" + b.cluster + ".pusher.com" : null;
        this.cluster = b.host == null ? b.cluster : null;
        SettingParser.required(host, "host (or cluster)");
        this.useTls = b.useTls != null ? b.useTls : defaultUseTls(b.host == null, b.port);
        this.port = b.port != null ? b.port : useTls ? 443 : 80;
        if (port < 1 || port > 65535) {
            throw new HeraldValidationException("port must be 1 to 65535, was " + port);
        }
        this.proxy = b.proxy;
        this.requestTimeout = Check.positive(b.requestTimeout != null ? b.requestTimeout : DEFAULT_REQUEST_TIMEOUT,
                "requestTimeout", HeraldValidationException::new);
        this.keepAlive = b.keepAlive != null ? b.keepAlive : DEFAULT_KEEP_ALIVE;
        this.encryptionMasterKey = b.encryptionMasterKey;
        this.serializer = b.serializer != null ? b.serializer : new JacksonSerializer();
        this.limits = b.limits != null ? b.limits : Limits.DEFAULT;
        this.sslContext = b.sslContext;
    }

    /**
     * TLS when nothing asks for or against it: on for a hosted cluster (it wants TLS) and for port
     * 443, off for an explicitly given host on any other port, so {@code PUSHER_HOST=127.0.0.1
     * PUSHER_PORT=6001} speaks plain HTTP to a local server, as the Node library does.
     */
    private static boolean defaultUseTls(boolean hostFromCluster, Integer port) {
        return hostFromCluster || Integer.valueOf(443).equals(port);
    }

    /**
     * An empty builder; {@link Builder#build()} requires at least an app id, key, secret and host (or cluster).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options from {@code http[s]://KEY:SECRET@HOST[:PORT]/apps/APP_ID}, every other setting at its default.
     *
     * @param url the app's URL, credentials included
     * @return the options
     * @throws HeraldValidationException when the URL is malformed or misses a part
     */
    public static HeraldRestOptions fromUrl(String url) {
        return builder().url(url).build();
    }

    /**
     * Options from the process environment ({@code PUSHER_URL}, {@code PUSHER_APP_ID}, …); see
     * {@link Builder#environment(Map)}.
     *
     * @return the options
     * @throws HeraldValidationException when a required setting is missing or malformed
     */
    public static HeraldRestOptions fromEnvironment() {
        return builder().environment(System.getenv()).build();
    }

    /**
     * A builder holding these options, to derive a variant.
     *
     * @return a new builder; changing it leaves these options as they are
     */
    public Builder toBuilder() {
        return builder().appId(appId).key(key).secret(secret).cluster(cluster).host(cluster == null ? host : null)
                .port(port).useTls(useTls).proxy(proxy).requestTimeout(requestTimeout).keepAlive(keepAlive)
                .encryptionMasterKey(encryptionMasterKey).serializer(serializer).limits(limits).sslContext(sslContext);
    }

    /** @return the app's id, as in {@code /apps/{id}} */
    public String appId() {
        return appId;
    }

    /** @return the app's public key */
    public String key() {
        return key;
    }

    /** @return the app's secret; never logged by the SDK */
    public String secret() {
        return secret;
    }

    /** @return the API host, either given or derived from the cluster */
    public String host() {
        return host;
    }

    /**
     * @return the hosted cluster the host comes from ({@code eu} for {@code api-eu.pusher.com}), or
     *     {@code null} for a given host
     */
    public String cluster() {
        return cluster;
    }

    /** @return the API port, 1–65535 */
    public int port() {
        return port;
    }

    /** @return true for https, false for plain http */
    public boolean useTls() {
        return useTls;
    }

    /** @return the HTTP proxy requests go through, or {@code null} for a direct connection */
    public URI proxy() {
        return proxy;
    }

    /** @return how long one request may wait for its answer */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return true when connections are reused between requests */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** @return a copy of the 32-byte master key for encrypted channels, or {@code null} when none is set */
    public byte[] encryptionMasterKey() {
        return encryptionMasterKey == null ? null : encryptionMasterKey.clone();
    }

    /** @return what turns event data and user info that are not strings into JSON */
    public JsonSerializer serializer() {
        return serializer;
    }

    /** @return the limits checked before a request is sent; match them to the server's app limits */
    public Limits limits() {
        return limits;
    }

    /** @return the TLS context for https (trust for a private CA, client keys), or {@code null} for the JDK's default */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** @return {@code scheme://host:port}, the base every API path is appended to */
    public URI baseUri() {
        return URI.create((useTls ? "https" : "http") + "://" + host + ":" + port);
    }

    @Override
    public String toString() {
        // Never print the secret, the master key or the proxy's password.
        return "HeraldRestOptions[appId=" + appId + ", key=" + key + ", base=" + baseUri()
                + ", proxy=" + SettingParser.redacted(proxy) + ", timeout=" + requestTimeout + ", keepAlive=" + keepAlive
                + ", encryption=" + (encryptionMasterKey != null) + ", sslContext=" + (sslContext != null ? "custom" : "default") + "]";
    }

    /** Collects settings; every setter may be called in any order, the last call wins. */
    public static final class Builder {

        private String appId;
        private String key;
        private String secret;
        private String cluster;
        private String host;
        private Integer port;
        private Boolean useTls;
        private URI proxy;
        private Duration requestTimeout;
        private Boolean keepAlive;
        private byte[] encryptionMasterKey;
        private JsonSerializer serializer;
        private Limits limits;
        private SSLContext sslContext;
        private EnvironmentSettings environment = new EnvironmentSettings(Map.of());

        private Builder() {
        }

        /**
         * Sets the app's id; required.
         *
         * @param appId the id in {@code /apps/{id}}
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /**
         * Sets the app's key; required.
         *
         * @param key the public key
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets the app's secret; required. It signs every request and is never sent or logged.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        /**
         * Sets hosted Pusher's cluster: the host becomes {@code api-{cluster}.pusher.com}, with TLS.
         *
         * @param cluster e.g. {@code eu}
         * @return this builder
         */
        public Builder cluster(String cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Sets the API host; overrides {@link #cluster(String)}.
         *
         * @param host a host name or address, without scheme or port
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the API port; unset, 443 with TLS and 80 without.
         *
         * @param port 1–65535, checked by {@link #build()}
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Chooses https or http; unset, it is on for a cluster or port 443 and off for another host.
         *
         * @param useTls true for https
         * @return this builder
         */
        public Builder useTls(boolean useTls) {
            this.useTls = useTls;
            return this;
        }

        /**
         * The older name of {@link #useTls(boolean)}, as the Node and Ruby libraries called it.
         *
         * @param encrypted true for https
         * @return this builder
         */
        public Builder encrypted(boolean encrypted) {
            return useTls(encrypted);
        }

        /**
         * Sets scheme, key, secret, host, port and app id from {@code http[s]://KEY:SECRET@HOST[:PORT]/apps/APP_ID}.
         *
         * @param url the app's URL
         * @return this builder
         * @throws HeraldValidationException when the URL is malformed or misses a part
         */
        public Builder url(String url) {
            SettingParser.applyUrl(this, url, "url");
            return this;
        }

        /**
         * Sends requests through an HTTP proxy such as {@code http://proxy.local:3128}. Credentials in it
         * ({@code http://user:password@proxy.local:3128}, URL-encoded) are sent as Basic
         * {@code Proxy-Authorization}; {@link HeraldRestOptions#toString()} never shows the password.
         *
         * @param proxy the proxy, or {@code null} for a direct connection
         * @return this builder
         */
        public Builder proxy(URI proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * {@link #proxy(URI)} from text.
         *
         * @param proxyUrl the proxy's URL, or {@code null} for a direct connection
         * @return this builder
         * @throws HeraldValidationException when the URL is malformed
         */
        public Builder proxy(String proxyUrl) {
            this.proxy = proxyUrl == null ? null : SettingParser.proxy(proxyUrl, "proxy");
            return this;
        }

        /**
         * Sets how long one request may wait for its answer.
         *
         * @param requestTimeout positive; default {@link #DEFAULT_REQUEST_TIMEOUT}
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * Whether connections are reused between requests; off opens a fresh connection per request.
         *
         * @param keepAlive default {@link #DEFAULT_KEEP_ALIVE}
         * @return this builder
         */
        public Builder keepAlive(boolean keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /**
         * Sets the 32-byte master key that enables {@code private-encrypted-} channels.
         *
         * @param masterKey the key (copied), or {@code null} for none
         * @return this builder
         * @throws HeraldValidationException when the key is not 32 bytes
         */
        public Builder encryptionMasterKey(byte[] masterKey) {
            if (masterKey != null && masterKey.length != MASTER_KEY_BYTES) {
                throw new HeraldValidationException("encryptionMasterKey must be " + MASTER_KEY_BYTES
                        + " bytes, was " + masterKey.length);
            }
            this.encryptionMasterKey = masterKey == null ? null : masterKey.clone();
            return this;
        }

        /**
         * Sets the master key as base64 of 32 bytes (what {@code PUSHER_ENCRYPTION_MASTER_KEY} holds).
         *
         * @param base64 the encoded key, or {@code null} for none
         * @return this builder
         * @throws HeraldValidationException when it is not base64 of 32 bytes
         */
        public Builder encryptionMasterKeyBase64(String base64) {
            return encryptionMasterKey(base64 == null ? null : SettingParser.masterKey(base64, "encryptionMasterKey"));
        }

        /**
         * Sets the TLS context for https: trust for a private CA or a self-signed server, client keys.
         *
         * @param sslContext the context, or {@code null} for the JDK's default
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Sets what turns event data and user info that are not strings into JSON.
         *
         * @param serializer the serializer; default a {@link JacksonSerializer}
         * @return this builder
         */
        public Builder serializer(JsonSerializer serializer) {
            this.serializer = serializer;
            return this;
        }

        /**
         * Sets the limits checked before sending; match them to the server's app limits.
         *
         * @param limits the limits; default {@link Limits#DEFAULT}, Pusher's
         * @return this builder
         */
        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Reads unset settings from {@code env} at {@link #build()} time: {@code PUSHER_URL}, then
         * the single variables over it ({@code PUSHER_APP_ID}, {@code PUSHER_KEY}/{@code PUSHER_APP_KEY},
         * {@code PUSHER_SECRET}/{@code PUSHER_APP_SECRET}, {@code PUSHER_CLUSTER}, {@code PUSHER_HOST},
         * {@code PUSHER_PORT}, {@code PUSHER_USE_TLS} (or its older name {@code PUSHER_ENCRYPTED}), {@code PUSHER_PROXY}, {@code PUSHER_TIMEOUT},
         * {@code PUSHER_KEEP_ALIVE}, {@code PUSHER_ENCRYPTION_MASTER_KEY}). Settings made on this
         * builder always win. An empty or blank variable counts as unset.
         *
         * @param env the variables, e.g. {@link System#getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.environment = new EnvironmentSettings(env);
            return this;
        }

        /**
         * Reads unset settings from {@link System#getenv()} at {@link #build()} time.
         *
         * @return this builder
         */
        public Builder environment() {
            return environment(System.getenv());
        }

        /**
         * Merges the environment (if asked for) under the settings made here, checks them and freezes them.
         *
         * @return the options
         * @throws HeraldValidationException naming the setting when one is missing or malformed
         */
        public HeraldRestOptions build() {
            Builder merged = new Builder();
            SettingParser.applyEnvironment(merged, environment);
            merged.overlay(this);
            return new HeraldRestOptions(merged);
        }

        /** Copies every setting made on {@code explicit} over this builder's. */
        private void overlay(Builder explicit) {
            appId = explicit.appId != null ? explicit.appId : appId;
            key = explicit.key != null ? explicit.key : key;
            secret = explicit.secret != null ? explicit.secret : secret;
            if (explicit.host != null || explicit.cluster != null) {
                // An explicit cluster must not be shadowed by a host from the environment.
                host = explicit.host;
                cluster = explicit.cluster;
            }
            port = explicit.port != null ? explicit.port : port;
            useTls = explicit.useTls != null ? explicit.useTls : useTls;
            proxy = explicit.proxy != null ? explicit.proxy : proxy;
            requestTimeout = explicit.requestTimeout != null ? explicit.requestTimeout : requestTimeout;
            keepAlive = explicit.keepAlive != null ? explicit.keepAlive : keepAlive;
            encryptionMasterKey = explicit.encryptionMasterKey != null ? explicit.encryptionMasterKey : encryptionMasterKey;
            serializer = explicit.serializer != null ? explicit.serializer : serializer;
            limits = explicit.limits != null ? explicit.limits : limits;
            sslContext = explicit.sslContext != null ? explicit.sslContext : sslContext;
        }

        @Override
        public String toString() {
            return "HeraldRestOptions.Builder[appId=" + appId + ", key=" + key + "]";
        }
    }
}
