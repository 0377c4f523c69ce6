package io.herald.server.app;

import io.herald.protocol.Check;
import io.herald.protocol.Limits;

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
 */
public record App(
        String id,
        String key,
        String secret,
        boolean enabled,
        int maxConnections,
        boolean clientEvents,
        Limits limits) {

    public App {
        Check.notBlank(id, "id");
        Check.notBlank(key, "key");
        Check.notBlank(secret, "secret");
        Check.notNull(limits, "limits");
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must be 0 (no limit) or positive, was " + maxConnections);
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
                .clientEvents(clientEvents).limits(limits);
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

        public App build() {
            return new App(id, key, secret, enabled, maxConnections, clientEvents, limits);
        }
    }

    @Override
    public String toString() {
        return "App[id=" + id + ", key=" + key + "]"; // never print the secret
    }
}
