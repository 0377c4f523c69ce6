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

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long a token from {@link HeraldPush#generateToken(String)} is valid: 24 hours. */
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(24);

    public static final String ENV_INSTANCE_ID = "PUSHER_BEAMS_INSTANCE_ID";
    public static final String ENV_SECRET_KEY = "PUSHER_BEAMS_SECRET_KEY";
    public static final String ENV_BASE_URL = "PUSHER_BEAMS_BASE_URL";
    public static final String ENV_TIMEOUT = "PUSHER_BEAMS_TIMEOUT";
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

    public static Builder builder() {
        return new Builder();
    }

    /** Options from the process environment ({@value #ENV_INSTANCE_ID}, {@value #ENV_SECRET_KEY}, …). */
    public static HeraldPushOptions fromEnvironment() {
        return builder().environment(System.getenv()).build();
    }

    /** The hosted service's URL for an instance, and the issuer every Beams token names. */
    public static String hostedBeams(String instanceId) {
        return "https://" + instanceId + ".pushnotifications.pusher.com";
    }

    public String instanceId() {
        return instanceId;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Where the Beams APIs are: {@code scheme://host[:port][/prefix]}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The HTTP proxy requests go through, or {@code null} for a direct connection. */
    public URI proxy() {
        return proxy;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    /** The TLS context for https (trust for a private CA, client keys), or {@code null} for the JDK's default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** A builder holding these options, to derive a variant. */
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

        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        public Builder secretKey(String secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /** Where the Beams APIs are, e.g. {@code http://127.0.0.1:6001} for a local Herald; default hosted Beams. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** An HTTP proxy such as {@code http://proxy.local:3128}; {@code null} for none. */
        public Builder proxy(URI proxy) {
            this.proxy = proxy;
            return this;
        }

        /** How long generated tokens are valid (default {@link #DEFAULT_TOKEN_TTL}). */
        public Builder tokenTtl(Duration tokenTtl) {
            this.tokenTtl = tokenTtl;
            return this;
        }

        /** The TLS context for https: trust for a private CA or a self-signed server, client keys. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Reads unset settings from {@code env} at {@link #build()} time; settings made on this builder win. */
        public Builder environment(Map<String, String> env) {
            this.environment = new EnvironmentSettings(env);
            return this;
        }

        /** Reads unset settings from {@link System#getenv()}. */
        public Builder environment() {
            return environment(System.getenv());
        }

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
