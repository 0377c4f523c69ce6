package io.herald.server.config;

import io.herald.server.extension.Extensions;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A setting that can also come from an environment variable and a command-line flag. Its YAML path
 * gives both names: {@code activity-timeout} is {@code HERALD_ACTIVITY_TIMEOUT} and
 * {@code --activity-timeout}; the first app's fields ({@code apps[0].max-connections}) are
 * {@code HERALD_APP_MAX_CONNECTIONS} and {@code --app-max-connections}.
 *
 * @param parent the YAML object holding the field: {@code ""} for the top level, {@code "app"} for the first app,
 *               an extension's block name (such as {@code "push"}) for that block
 * @param field the YAML field name
 * @param description what it sets, for {@code --help}
 */
public record Setting(String parent, String field, String description) {

    /** Every setting that environment variables and flags may override. */
    public static final List<Setting> ALL = List.of(
            new Setting("", "host", "interface to listen on (default 0.0.0.0)"),
            new Setting("", "port", "port for WebSocket and HTTP API (default 6001)"),
            new Setting("", "activity-timeout", "seconds of client silence before the server pings it (default 120)"),
            new Setting("", "pong-timeout", "seconds a pinged client has to answer before it is closed with 4201 (default 30)"),
            new Setting("", "max-frame-size", "largest WebSocket frame a client may send, in bytes (default 65536)"),
            new Setting("", "max-request-size", "largest HTTP API request body, in bytes (default 1048576)"),
            new Setting("", "outbound-buffer-limit", "unsent bytes per connection before it is closed with 4100 (default 4194304)"),
            new Setting("", "shutdown-timeout", "seconds a graceful shutdown may take (default 10)"),
            // HTTP requests and sockets (Limits and protection)
            new Setting("", "request-timeout", "time a socket has to send a complete HTTP request or WebSocket upgrade, from connecting or from its last response; past it 408 and closed (default 10s)"),
            new Setting("", "max-pipelined-requests", "HTTP requests one connection may send ahead of their responses; past it the connection is closed (default 16)"),
            new Setting("", "request-buffer-limit", "bytes of HTTP request bodies the node holds at once, all connections together; past it new bodies get 503 (default 67108864)"),
            new Setting("", "max-connections-per-ip", "sockets one client address may hold open, 0 for no limit (behind a proxy every client shares its address); past it 429 (default 0)"),
            new Setting("", "cache-ttl", "how long a cache channel keeps its last event (default 30m)"),
            new Setting("", "webhook-batch-window", "how long webhook events wait to share a request (default 250ms)"),
            new Setting("", "webhook-batch-max-size", "most events in one webhook request (default 100)"),
            new Setting("", "webhook-queue-capacity", "most webhook events waiting per endpoint; overflow is counted and logged (default 10000)"),
            new Setting("", "webhook-request-timeout", "how long one webhook request may take (default 10s)"),
            // webhook retries (issue 11)
            new Setting("", "webhook-retry-backoff", "wait before the first webhook retry, doubling after each (default 100ms)"),
            new Setting("", "webhook-retry-max-backoff", "longest wait between two attempts of a failed webhook request (default 1s)"),
            new Setting("", "webhook-retry-horizon", "how old a webhook event may get and still be retried; older ones are given up (default 5m)"),
            new Setting("", "webhook-grace", "delay of channel_vacated and member_removed, cancelled by a quick return (default 3s)"),
            new Setting("", "subscription-count-interval", "least time between subscription counts of channels over 100 subscribers (default 30s)"),
            new Setting("", "adapter", "cluster adapter: local (one node) or redis (nodes sharing a Redis) (default local)"),
            new Setting("", "redis-url", "Redis of the redis adapter: redis://[:password@]host:port[/db], rediss:// for TLS, redis-sentinel://, or redis-cluster://host:port,host:port (rediss-cluster:// for TLS)"),
            new Setting("", "redis-key-prefix", "prefix of this cluster's Redis keys and channels (default herald:)"),
            new Setting("", "node-timeout", "how long a silent node's connections stay counted before the others remove them (default 30s)"),
            // operations (Running in production)
            new Setting("", "metrics-port", "port of Prometheus metrics at /metrics, off unless set (conventionally 9601)"),
            new Setting("", "log-format", "human (default) or json: one JSON object per log line"),
            new Setting("app", "id", "the first app's id (default app-id)"),
            new Setting("app", "key", "the first app's key (default app-key)"),
            new Setting("app", "secret", "the first app's secret (default app-secret)"),
            new Setting("app", "enabled", "whether the first app accepts connections and API calls (default true)"),
            new Setting("app", "max-connections", "the first app's connection limit, 0 for none (default 0)"),
            new Setting("app", "client-events", "whether the first app's clients may send client- events (default true)"),
            new Setting("app", "subscription-counts", "whether the first app sends subscription counts (default false)"),
            new Setting("app", "authorized-connections-timeout", "close the first app's connections that don't sign in or join an authorized channel within it, 0 for off (default 0)"),
            new Setting("app", "api-requests-per-second", "the first app's HTTP API requests per second before 429, 0 for no limit (default 0)"));

    /** {@link #ALL}, then the settings of the {@link Extensions} on the classpath (such as {@code push-…}). */
    public static List<Setting> all() {
        return Stream.concat(ALL.stream(), Extensions.settings().stream()).toList();
    }

    /** The name without separators' differences: {@code app-max-connections}. */
    public String name() {
        return parent.isEmpty() ? field : parent + "-" + field;
    }

    public String envName() {
        return "HERALD_" + name().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String flagName() {
        return "--" + name();
    }

    public boolean isAppSetting() {
        return parent.equals("app");
    }
}
