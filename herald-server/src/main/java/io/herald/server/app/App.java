package io.herald.server.app;

import io.herald.protocol.Check;
import io.herald.protocol.Limits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One tenant of the server: its credentials, switches and limits. Immutable; apps never see each
 * other's channels, sockets or events.
 *
 * @param id the app id used in HTTP API paths ({@code /apps/{id}/…})
 * @param key the public key clients connect with ({@code /app/{key}})
 * @param secret the secret that signs API requests and channel authorizations
 * @param enabled a disabled app refuses connections (4003) and API calls (403)
 * @param maxConnections most simultaneous connections; 0 means no limit
 * @param clientEvents whether subscribers may send {@code client-} events
 * @param limits size and rate limits
 * @param webhooks where to send webhooks; empty for none
 * @param subscriptionCounts whether subscribers get {@code pusher_internal:subscription_count} and
 *     {@code subscription_count} webhooks are sent (opt-in, as on Pusher)
 * @param authorizedConnectionsTimeout how long a connection may stay without signing in or joining
 *     an authorized channel before it is closed with 4009; {@link Duration#ZERO} turns the check off
 * @param apiRequestsPerSecond HTTP API requests allowed per second, beyond which the API answers
 *     429; 0 means no limit
 * @param allowedOrigins the browser origins whose pages may connect; a WebSocket from another
 *     {@code Origin} is closed with 4009
 * @param previousSecret the secret before the last rotation, still accepted until
 *     {@code previousSecretExpires}; {@code null} when there is none
 * @param previousSecretExpires when {@code previousSecret} stops being accepted; {@code null} with it
 */
public record App(
        String id,
        String key,
        String secret,
        boolean enabled,
        int maxConnections,
        boolean clientEvents,
        Limits limits,
        List<WebhookEndpoint> webhooks,
        boolean subscriptionCounts,
        Duration authorizedConnectionsTimeout,
        int apiRequestsPerSecond,
        AllowedOrigins allowedOrigins,
        String previousSecret,
        Instant previousSecretExpires) {

    public App {
        Check.notBlank(id, "id");
        Check.notBlank(key, "key");
        Check.notBlank(secret, "secret");
        Check.notNull(limits, "limits");
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must be 0 (no limit) or positive, was " + maxConnections);
        }
        webhooks = List.copyOf(Check.notNull(webhooks, "webhooks"));
        Check.notNull(authorizedConnectionsTimeout, "authorizedConnectionsTimeout");
        if (authorizedConnectionsTimeout.isNegative()) {
            throw new IllegalArgumentException("authorizedConnectionsTimeout must be 0 (off) or positive, was "
                    + authorizedConnectionsTimeout);
        }
        if (apiRequestsPerSecond < 0) {
            throw new IllegalArgumentException("apiRequestsPerSecond must be 0 (no limit) or positive, was "
                    + apiRequestsPerSecond);
        }
        Check.notNull(allowedOrigins, "allowedOrigins");
        if ((previousSecret == null) != (previousSecretExpires == null)) {
            throw new IllegalArgumentException("previousSecret and previousSecretExpires go together");
        }
    }

    /** An enabled app with Pusher's default limits, no connection cap and client events on. */
    public static App of(String id, String key, String secret) {
        return builder(id, key, secret).build();
    }

    /** A builder starting from {@link #of}'s defaults; prefer it to the constructor as apps grow fields. */
    public static Builder builder(String id, String key, String secret) {
        return new Builder(id, key, secret);
    }

    /** A builder holding this app's settings, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(id, key, secret).enabled(enabled).maxConnections(maxConnections)
                .clientEvents(clientEvents).limits(limits).webhooks(webhooks).subscriptionCounts(subscriptionCounts)
                .authorizedConnectionsTimeout(authorizedConnectionsTimeout).apiRequestsPerSecond(apiRequestsPerSecond)
                .allowedOrigins(allowedOrigins).previousSecret(previousSecret, previousSecretExpires);
    }

    /**
     * Whether a signature made with one of the secrets valid at {@code now} is accepted by
     * {@code matches} (which compares in constant time): the secret, and the previous one during its
     * rotation grace.
     */
    public boolean signedWithSecretAt(Instant now, Predicate<String> matches) {
        if (matches.test(secret)) {
            return true;
        }
        return previousSecret != null && now.isBefore(previousSecretExpires) && matches.test(previousSecret);
    }

    /** This app with {@code newSecret}; the current secret stays valid until {@code graceEnds}. */
    public App rotateSecret(String newSecret, Instant graceEnds) {
        return new App(id, key, newSecret, enabled, maxConnections, clientEvents, limits, webhooks, subscriptionCounts,
                authorizedConnectionsTimeout, apiRequestsPerSecond, allowedOrigins, secret, graceEnds);
    }

    /** Whether connections must sign in or join an authorized channel in time. */
    public boolean requiresAuthorizedConnections() {
        return !authorizedConnectionsTimeout.isZero();
    }

    /** Collects an app's settings; {@link #build()} validates them. */
    public static final class Builder {
        private final String id;
        private final String key;
        private final String secret;
        private boolean enabled = true;
        private int maxConnections;
        private boolean clientEvents = true;
        private Limits limits = Limits.DEFAULT;
        private List<WebhookEndpoint> webhooks = new ArrayList<>();
        private boolean subscriptionCounts;
        private Duration authorizedConnectionsTimeout = Duration.ZERO;
        private int apiRequestsPerSecond;
        private AllowedOrigins allowedOrigins = AllowedOrigins.ANY;
        private String previousSecret;
        private Instant previousSecretExpires;

        private Builder(String id, String key, String secret) {
            this.id = id;
            this.key = key;
            this.secret = secret;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Most simultaneous connections; 0 means no limit. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder clientEvents(boolean clientEvents) {
            this.clientEvents = clientEvents;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /** Replaces the webhook endpoints. */
        public Builder webhooks(List<WebhookEndpoint> webhooks) {
            this.webhooks = new ArrayList<>(webhooks);
            return this;
        }

        public Builder addWebhook(WebhookEndpoint webhook) {
            this.webhooks.add(webhook);
            return this;
        }

        /** Turns {@code subscription_count} events and webhooks on (off by default). */
        public Builder subscriptionCounts(boolean subscriptionCounts) {
            this.subscriptionCounts = subscriptionCounts;
            return this;
        }

        /** Closes connections that neither sign in nor join an authorized channel within it; zero is off. */
        public Builder authorizedConnectionsTimeout(Duration timeout) {
            this.authorizedConnectionsTimeout = timeout;
            return this;
        }

        /** HTTP API requests per second before 429; 0 means no limit. */
        public Builder apiRequestsPerSecond(int apiRequestsPerSecond) {
            this.apiRequestsPerSecond = apiRequestsPerSecond;
            return this;
        }

        /** The browser origins whose pages may connect; {@link AllowedOrigins#ANY} by default. */
        public Builder allowedOrigins(AllowedOrigins allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
            return this;
        }

        /** The secret before a rotation, accepted until {@code expires}; both {@code null} for none. */
        public Builder previousSecret(String previousSecret, Instant expires) {
            this.previousSecret = previousSecret;
            this.previousSecretExpires = expires;
            return this;
        }

        public App build() {
            return new App(id, key, secret, enabled, maxConnections, clientEvents, limits, webhooks,
                    subscriptionCounts, authorizedConnectionsTimeout, apiRequestsPerSecond, allowedOrigins,
                    previousSecret, previousSecretExpires);
        }
    }

    @Override
    public String toString() {
        return "App[id=" + id + ", key=" + key + "]"; // never print the secret
    }
}
