package io.herald.sdk.push;

import io.herald.protocol.Check;
import io.herald.sdk.EnvironmentSettings;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.SettingParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link HeraldPush}: the Beams instance, its secret key and where its APIs
 * are. Build with {@link #builder()} or from the environment ({@link #fromEnvironment()}); settings
 * made on the builder beat the environment.
 *
 * <p>Defaults: the hosted Beams service, {@code https://{instanceId}.pushnotifications.pusher.com}
 * ({@link #hostedBeams(String)}); request timeout {@link #DEFAULT_REQUEST_TIMEOUT}; tokens valid for
 * {@link #DEFAULT_TOKEN_TTL}, as the official SDKs issue them. Point {@code baseUrl} at Herald
 * (e.g. {@code http://127.0.0.1:6001}) to publish there. A missing or malformed setting fails in
 * {@link Builder#build()} with a {@link HeraldValidationException} naming it.
 *
 * <table>
 * <caption>environment variables</caption>
 * <tr><td>{@value #ENV_INSTANCE_ID}</td><td>instance id</td></tr>
 * <tr><td>{@value #ENV_SECRET_KEY}</td><td>secret key</td></tr>
 * <tr><td>{@value #ENV_BASE_URL}</td><td>base URL</td></tr>
 * <tr><td>{@value #ENV_TIMEOUT}</td><td>request timeout: a duration ({@code 5s}, {@code 1m}, {@code PT5S}); a bare number is milliseconds</td></tr>
 * <tr><td>{@value #ENV_PROXY}</td><td>HTTP proxy, {@code http://[USER:PASSWORD@]HOST:PORT} (shared with the Channels client)</td></tr>
 * </table>
 */
public final class HeraldPushOptions {

    /**
     * How long one request may wait for its answer before it fails with a
     * {@link io.herald.sdk.HeraldTimeoutException}.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long a token from {@link HeraldPush#generateToken(String)} is valid: 24 hours. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(24);

    /** The environment variable holding the instance id. */
    public static final String ENV_INSTANCE_ID = "PUSHER_BEAMS_INSTANCE_ID";
    /** The environment variable holding the instance's secret key. */
    public static final String ENV_SECRET_KEY = "PUSHER_BEAMS_SECRET_KEY";
    /** The environment variable holding the base URL of the Beams APIs. */
    public static final String ENV_BASE_URL = "PUSHER_BEAMS_BASE_URL";
    /** The environment variable holding the request timeout. */
    public static final String ENV_TIMEOUT = "PUSHER_BEAMS_TIMEOUT";
    /** The environment variable holding the HTTP proxy, shared with the Channels client. */
    public static final String ENV_PROXY = "PUSHER_PROXY";

    private final String instanceId;
    private final String secretKey;
    private final URI baseUrl;
    private final Duration requestTimeout;
    private final URI proxy;
    private final Duration tokenTtl;
    private final SSLContext sslContext;

    private HeraldPushOptions(Builder b) {
        this.instanceId = SettingParser.required(b.instanceId, "instanceId");
        this.secretKey = SettingParser.required(b.secretKey, "secretKey");
        this.baseUrl = baseUrl(b.baseUrl != null ? b.baseUrl : hostedBeams(instanceId), b.baseUrl != null ? "baseUrl" : "instanceId");
        this.requestTimeout = Check.positive(b.requestTimeout != null ? b.requestTimeout : DEFAULT_REQUEST_TIMEOUT,
                "requestTimeout", HeraldValidationException::new);
        this.proxy = b.proxy;
        this.tokenTtl = Check.positive(b.tokenTtl != null ? b.tokenTtl : DEFAULT_TOKEN_TTL, "tokenTtl", HeraldValidationException::new);
        this.sslContext = b.sslContext;
    }

    /**
     * An empty builder; {@link Builder#build()} requires at least the instance id and secret key.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options from the process environment ({@value #ENV_INSTANCE_ID}, {@value #ENV_SECRET_KEY}, …).
     *
     * @return the options
     * @throws HeraldValidationException when a required variable is missing or one is malformed
     */
    public static HeraldPushOptions fromEnvironment() {
        return builder().environment(System.getenv()).build();
    }

    /**
     * The hosted service's URL for an instance, and the issuer every Beams token names.
     *
     * @param instanceId the instance id
     * @return {@code https://{instanceId}.pushnotifications.pusher.com}
     */
    public static String hostedBeams(String instanceId) {
        return "https://" + instanceId + ".pushnotifications.pusher.com";
    }

    /** @return the Beams instance id */
    public String instanceId() {
        return instanceId;
    }

    /** @return the instance's secret key; never logged by the SDK */
    public String secretKey() {
        return secretKey;
    }

    /** @return where the Beams APIs are: {@code scheme://host[:port][/prefix]}, without a trailing slash */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return how long one request may wait for its answer */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the HTTP proxy requests go through, or {@code null} for a direct connection */
    public URI proxy() {
        return proxy;
    }

    /** @return how long a token from {@link HeraldPush#generateToken(String)} is valid */
    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** @return the TLS context for https (trust for a private CA, client keys), or {@code null} for the JDK's default */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * A builder holding these options, to derive a variant.
     *
     * @return a new builder; changing it leaves these options as they are
     */
    public Builder toBuilder() {
        return builder().instanceId(instanceId).secretKey(secretKey).baseUrl(baseUrl.toString())
                .requestTimeout(requestTimeout).proxy(proxy).tokenTtl(tokenTtl).sslContext(sslContext);
    }

    @Override
    public String toString() {
        // Never print the secret key.
        return "HeraldPushOptions[instanceId=" + instanceId + ", baseUrl=" + baseUrl + ", timeout=" + requestTimeout
                + ", proxy=" + SettingParser.redacted(proxy) + ", tokenTtl=" + tokenTtl + "]";
    }

    private static URI baseUrl(String value, String setting) {
        String shape = setting + " must give a base URL like https://HOST[:PORT][/PREFIX], was '" + value + "'";
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new HeraldValidationException(shape);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new HeraldValidationException(shape);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Collects settings; the last call of a setter wins. */
    public static final class Builder {

        private String instanceId;
        private String secretKey;
        private String baseUrl;
        private Duration requestTimeout;
        private URI proxy;
        private Duration tokenTtl;
        private SSLContext sslContext;
        private EnvironmentSettings environment = new EnvironmentSettings(Map.of());

        private Builder() {
        }

        /**
         * Sets the Beams instance; required.
         *
         * @param instanceId the instance id
         * @return this builder
         */
        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /**
         * Sets the instance's secret key; required. It is sent as a bearer token and signs device tokens.
         *
         * @param secretKey the secret key
         * @return this builder
         */
        public Builder secretKey(String secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /**
         * Sets where the Beams APIs are.
         *
         * @param baseUrl e.g. {@code http://127.0.0.1:6001} for a local Herald; default hosted Beams
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
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
         * Sends requests through an HTTP proxy.
         *
         * @param proxy e.g. {@code http://proxy.local:3128}; {@code null} for none
         * @return this builder
         */
        public Builder proxy(URI proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Sets how long generated tokens are valid.
         *
         * @param tokenTtl positive; default {@link #DEFAULT_TOKEN_TTL}
         * @return this builder
         */
        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = tokenTtl;
            return this;
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
         * Reads unset settings from {@code env} at {@link #build()} time; settings made on this builder win.
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
        public HeraldPushOptions build() {
            Builder merged = new Builder();
            environment.ifSet(ENV_INSTANCE_ID, merged::instanceId);
            environment.ifSet(ENV_SECRET_KEY, merged::secretKey);
            environment.ifSet(ENV_BASE_URL, merged::baseUrl);
            environment.ifSet(ENV_TIMEOUT, SettingParser::duration, merged::requestTimeout);
            environment.ifSet(ENV_PROXY, SettingParser::proxy, merged::proxy);
            merged.instanceId = instanceId != null ? instanceId : merged.instanceId;
            merged.secretKey = secretKey != null ? secretKey : merged.secretKey;
            merged.baseUrl = baseUrl != null ? baseUrl : merged.baseUrl;
            merged.requestTimeout = requestTimeout != null ? requestTimeout : merged.requestTimeout;
            merged.proxy = proxy != null ? proxy : merged.proxy;
            merged.tokenTtl = tokenTtl;
            merged.sslContext = sslContext;
            return new HeraldPushOptions(merged);
        }

        @Override
        public String toString() {
            return "HeraldPushOptions.Builder[instanceId=" + instanceId + "]";
        }
    }
}
