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
        return new App(id, key, secret, true, 0, true, Limits.DEFAULT);
    }

    @Override
    public String toString() {
        return "App[id=" + id + ", key=" + key + "]"; // never print the secret
    }
}
