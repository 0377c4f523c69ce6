package io.herald.server.config;

import io.herald.server.cluster.Adapters;
import io.herald.server.extension.Extensions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A setting that can also come from an environment variable and a command-line flag. Its YAML path
 * gives both names: {@code activity-timeout} is {@code HERALD_ACTIVITY_TIMEOUT} and
 * {@code --activity-timeout}; the first app's fields ({@code apps[0].max-connections}) are
 * {@code HERALD_APP_MAX_CONNECTIONS} and {@code --app-max-connections}.
 *
 * @param parent the YAML object holding the field: {@code ""} for the top level (the server's and the cluster
 *               adapters' settings), {@code "app"} for the first app, an extension's block name (such as
 *               {@code "push"}) for that block
 * @param field the YAML field name
 * @param description what it sets, for {@code --help}
 */
public record Setting(String parent, String field, String description) {

    /**
     * The server's own settings, which environment variables and flags may override; the top-level
     * entries are also the top-level YAML keys the server accepts (beside {@code apps}). Adapters and
     * extensions declare theirs in their factories ({@link #all()}).
     */
    public static final List<Setting> ALL = List.of(
            new Setting("", "host", "interface to listen on (default 0.0.0.0)"),
            new Setting("", "port", "port for WebSocket and HTTP API (default 6001)"),
            new Setting("", "tls-cert", "PEM certificate chain (server certificate first): the port serves wss:// and https://; renewals are picked up without a restart"),
            new Setting("", "tls-key", "PEM (PKCS#8) private key of tls-cert"),
            new Setting("", "plain-port", "with TLS, a second port serving plain ws:// and http:// (default: none)"),
            new Setting("", "activity-timeout", "seconds of client silence before the server pings it (default 120)"),
            new Setting("", "pong-timeout", "seconds a pinged client has to answer before it is closed with 4201 (default 30)"),
            new Setting("", "max-frame-size", "largest WebSocket frame a client may send, in bytes (default 65536)"),
            new Setting("", "max-request-size", "largest HTTP API request body, in bytes (default 1048576)"),
            new Setting("", "outbound-buffer-limit", "unsent bytes per connection before it is closed with 4100 (default 4194304)"),
            new Setting("", "shutdown-timeout", "seconds a graceful shutdown may take (default 10)"),
            new Setting("", "drain-period", "on SIGTERM, how long the node keeps serving while /ready says 503 (default 0s)"),
            new Setting("", "drain-window", "then, over how long clients are told to reconnect (4200), evenly spread (default 0s)"),
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
            new Setting("", "adapter", "cluster adapter: local (one node) or one on the classpath, such as redis (default local)"),
            // operations (Running in production)
            new Setting("", "metrics-port", "port of Prometheus metrics at /metrics, off unless set (conventionally 9601)"),
            new Setting("", "log-format", "human lines or json, one JSON object per log line (default human)"),
            new Setting("app", "id", "the first app's id (default app-id)"),
            new Setting("app", "key", "the first app's key (default app-key)"),
            new Setting("app", "secret", "the first app's secret (default app-secret)"),
            new Setting("app", "enabled", "whether the first app accepts connections and API calls (default true)"),
            new Setting("app", "max-connections", "the first app's connection limit, 0 for none (default 0)"),
            new Setting("app", "client-events", "whether the first app's clients may send client- events (default true)"),
            new Setting("app", "subscription-counts", "whether the first app sends subscription counts (default false)"),
            new Setting("app", "authorized-connections-timeout", "close the first app's connections that don't sign in or join an authorized channel within it, 0 for off (default 0)"),
            new Setting("app", "api-requests-per-second", "the first app's HTTP API requests per second before 429, 0 for no limit (default 0)"),
            new Setting("app", "allowed-origins", "comma-separated browser origins whose pages may connect to the first app, * for any; others are closed with 4009 (default *)"));

    /**
     * {@link #ALL}, then the settings of the {@link Adapters} ({@code redis-url}) and of the
     * {@link Extensions} ({@code push-…}) on the classpath; a name several adapters share appears once.
     */
    public static List<Setting> all() {
        Set<String> seen = new HashSet<>();
        return Stream.of(ALL, Adapters.settings(), Extensions.settings()).flatMap(List::stream)
                .filter(s -> seen.add(s.name())).toList();
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
