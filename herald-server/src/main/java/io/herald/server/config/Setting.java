package io.herald.server.config;

import io.herald.protocol.Durations;
import io.herald.server.cluster.Adapters;
import io.herald.server.extension.Extensions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A setting that can also come from an environment variable and a command-line flag. Its YAML path
 * gives both names: {@code activity-timeout} is {@code HERALD_ACTIVITY_TIMEOUT} and
 * {@code --activity-timeout}; the first app's fields ({@code apps[0].max-connections}) are
 * {@code HERALD_APP_MAX_CONNECTIONS} and {@code --app-max-connections}. The server's simple settings
 * are made by the typed factories ({@link #duration}, {@link #integer}, ...), which also say how the
 * value is read, what it defaults to (stated at the end of the description) and where it goes in
 * {@link ServerOptions.Builder}; {@link OptionsBinder} applies them all in one loop.
 *
 * @param parent the YAML object holding the field: {@code ""} for the top level (the server's and the cluster
 *               adapters' settings), {@code "app"} for the first app, an extension's block name (such as
 *               {@code "push"}) for that block
 * @param field the YAML field name
 * @param description what it sets, for {@code --help}
 * @param binding how the server reads and applies it, or {@code null} where another part does
 *                (apps, adapters, extensions, and the server's settings checked together in {@link OptionsBinder})
 */
public record Setting(String parent, String field, String description, Binding binding) {

    /** Reads a top-level setting from the merged tree (its default when absent) into the builder. */
    @FunctionalInterface
    public interface Binding {
        void apply(ConfigFields fields, ServerOptions.Builder builder);
    }

    /** A setting read elsewhere: by an adapter, an extension, the app binder, or a cross-field check. */
    public Setting(String parent, String field, String description) {
        this(parent, field, description, null);
    }

    /** A positive {@linkplain Durations duration}, its default shown in the same grammar ({@code 30m}). */
    static Setting duration(String field, Duration defaultValue, String description,
            BiConsumer<ServerOptions.Builder, Duration> apply) {
        return bound(field, description, defaultValue, Durations.format(defaultValue), (f, n) -> f.duration(n, false), apply);
    }

    /** A {@linkplain Durations duration} where zero is allowed (and means "none"). */
    static Setting durationOrZero(String field, Duration defaultValue, String description,
            BiConsumer<ServerOptions.Builder, Duration> apply) {
        return bound(field, description, defaultValue, Durations.format(defaultValue), (f, n) -> f.duration(n, true), apply);
    }

    /** A whole number of seconds, at least one; its default shown as a bare number of seconds. */
    static Setting seconds(String field, Duration defaultValue, String description,
            BiConsumer<ServerOptions.Builder, Duration> apply) {
        return bound(field, description, defaultValue, String.valueOf(defaultValue.toSeconds()), ConfigFields::seconds, apply);
    }

    /** A whole number from {@code min} to {@code max}. */
    static Setting integer(String field, int min, int max, int defaultValue, String description,
            BiConsumer<ServerOptions.Builder, Integer> apply) {
        return bound(field, description, defaultValue, String.valueOf(defaultValue), (f, n) -> f.integer(n, min, max), apply);
    }

    /** A whole number, at least one. */
    static Setting positiveInt(String field, int defaultValue, String description,
            BiConsumer<ServerOptions.Builder, Integer> apply) {
        return integer(field, 1, Integer.MAX_VALUE, defaultValue, description, apply);
    }

    /** Non-empty text. */
    static Setting text(String field, String defaultValue, String description, BiConsumer<ServerOptions.Builder, String> apply) {
        return bound(field, description, defaultValue, defaultValue, ConfigFields::text, apply);
    }

    /** One of {@code values}. */
    static Setting oneOf(String field, List<String> values, String defaultValue, String description,
            BiConsumer<ServerOptions.Builder, String> apply) {
        return bound(field, description, defaultValue, defaultValue, (f, n) -> f.text(n).map(value -> {
            if (!values.contains(value)) {
                throw ConfigException.field(f.name(n), "must be one of " + values + ", was \"" + value + "\"");
            }
            return value;
        }), apply);
    }

    private static <T> Setting bound(String field, String description, T defaultValue, String shownDefault,
            BiFunction<ConfigFields, String, Optional<T>> read, BiConsumer<ServerOptions.Builder, T> apply) {
        return new Setting("", field, description + " (default " + shownDefault + ")",
                (f, b) -> apply.accept(b, read.apply(f, field).orElse(defaultValue)));
    }

    /**
     * The server's own settings, which environment variables and flags may override; the top-level
     * entries are also the top-level YAML keys the server accepts (beside {@code apps}). Adapters and
     * extensions declare theirs in their factories ({@link #all()}).
     */
    public static final List<Setting> ALL = List.of(
            text("host", ServerOptions.DEFAULT_HOST, "interface to listen on", ServerOptions.Builder::host),
            integer("port", 0, 65535, ServerOptions.DEFAULT_PORT, "port for WebSocket and HTTP API", ServerOptions.Builder::port),
            new Setting("", "tls-cert", "PEM certificate chain (server certificate first): the port serves wss:// and https://; renewals are picked up without a restart"),
            new Setting("", "tls-key", "PEM (PKCS#8) private key of tls-cert"),
            new Setting("", "plain-port", "with TLS, a second port serving plain ws:// and http:// (default: none)"),
            seconds("activity-timeout", ServerOptions.DEFAULT_ACTIVITY_TIMEOUT, "seconds of client silence before the server pings it",
                    ServerOptions.Builder::activityTimeout),
            seconds("pong-timeout", ServerOptions.DEFAULT_PONG_TIMEOUT, "seconds a pinged client has to answer before it is closed with 4201",
                    ServerOptions.Builder::pongTimeout),
            positiveInt("max-frame-size", ServerOptions.DEFAULT_MAX_FRAME_SIZE, "largest WebSocket frame a client may send, in bytes",
                    ServerOptions.Builder::maxFrameSize),
            positiveInt("max-request-size", ServerOptions.DEFAULT_MAX_REQUEST_SIZE, "largest HTTP API request body, in bytes",
                    ServerOptions.Builder::maxRequestSize),
            positiveInt("outbound-buffer-limit", ServerOptions.DEFAULT_OUTBOUND_BUFFER_LIMIT,
                    "unsent bytes per connection before it is closed with 4100", ServerOptions.Builder::outboundBufferLimit),
            integer("event-loops", ServerOptions.EVENT_LOOP_PER_CORE, ServerOptions.MAX_EVENT_LOOPS, ServerOptions.EVENT_LOOP_PER_CORE,
                    "event-loop threads serving sockets, 0 for one per core; fewer leave cores to other processes on the host",
                    ServerOptions.Builder::eventLoops),
            seconds("shutdown-timeout", ServerOptions.DEFAULT_SHUTDOWN_TIMEOUT, "seconds a graceful shutdown may take",
                    ServerOptions.Builder::shutdownTimeout),
            durationOrZero("drain-period", ServerOptions.DEFAULT_DRAIN_PERIOD,
                    "on SIGTERM, how long the node keeps serving while /ready says 503", ServerOptions.Builder::drainPeriod),
            durationOrZero("drain-window", ServerOptions.DEFAULT_DRAIN_WINDOW,
                    "then, over how long clients are told to reconnect (4200), evenly spread", ServerOptions.Builder::drainWindow),
            // HTTP requests and sockets (Limits and protection)
            duration("request-timeout", ServerOptions.DEFAULT_REQUEST_TIMEOUT, "time a socket has to send a complete HTTP request or"
                    + " WebSocket upgrade, from connecting or from its last response; past it 408 and closed", ServerOptions.Builder::requestTimeout),
            positiveInt("max-pipelined-requests", ServerOptions.DEFAULT_MAX_PIPELINED_REQUESTS,
                    "HTTP requests one connection may send ahead of their responses; past it the connection is closed",
                    ServerOptions.Builder::maxPipelinedRequests),
            positiveInt("request-buffer-limit", ServerOptions.DEFAULT_REQUEST_BUFFER_LIMIT, "bytes of HTTP request bodies the node"
                    + " holds at once, all connections together; past it new bodies get 503", ServerOptions.Builder::requestBufferLimit),
            integer("max-connections-per-ip", 0, Integer.MAX_VALUE, ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_IP,
                    "sockets one client address may hold open, 0 for no limit (behind a proxy every client shares its address); past it 429",
                    ServerOptions.Builder::maxConnectionsPerIp),
            duration("cache-ttl", ServerOptions.DEFAULT_CACHE_TTL, "how long a cache channel keeps its last event",
                    ServerOptions.Builder::cacheTtl),
            duration("webhook-batch-window", ServerOptions.DEFAULT_WEBHOOK_BATCH_WINDOW, "how long webhook events wait to share a request",
                    ServerOptions.Builder::webhookBatchWindow),
            positiveInt("webhook-batch-max-size", ServerOptions.DEFAULT_WEBHOOK_BATCH_MAX_SIZE, "most events in one webhook request",
                    ServerOptions.Builder::webhookBatchMaxSize),
            positiveInt("webhook-queue-capacity", ServerOptions.DEFAULT_WEBHOOK_QUEUE_CAPACITY,
                    "most webhook events waiting per endpoint; overflow is counted and logged", ServerOptions.Builder::webhookQueueCapacity),
            duration("webhook-request-timeout", ServerOptions.DEFAULT_WEBHOOK_REQUEST_TIMEOUT, "how long one webhook request may take",
                    ServerOptions.Builder::webhookRequestTimeout),
            // webhook retries (issue 11)
            duration("webhook-retry-backoff", ServerOptions.DEFAULT_WEBHOOK_RETRY_BACKOFF,
                    "wait before the first webhook retry, doubling after each", ServerOptions.Builder::webhookRetryBackoff),
            duration("webhook-retry-max-backoff", ServerOptions.DEFAULT_WEBHOOK_RETRY_MAX_BACKOFF,
                    "longest wait between two attempts of a failed webhook request", ServerOptions.Builder::webhookRetryMaxBackoff),
            duration("webhook-retry-horizon", ServerOptions.DEFAULT_WEBHOOK_RETRY_HORIZON,
                    "how old a webhook event may get and still be retried; older ones are given up", ServerOptions.Builder::webhookRetryHorizon),
            duration("webhook-grace", ServerOptions.DEFAULT_WEBHOOK_GRACE,
                    "delay of channel_vacated and member_removed, cancelled by a quick return", ServerOptions.Builder::webhookGrace),
            duration("subscription-count-interval", ServerOptions.DEFAULT_SUBSCRIPTION_COUNT_INTERVAL,
                    "least time between subscription counts of channels over 100 subscribers", ServerOptions.Builder::subscriptionCountInterval),
            new Setting("", "adapter", "cluster adapter: local (one node) or one on the classpath, such as redis (default local)"),
            // operations (Running in production)
            new Setting("", "metrics-port", "port of Prometheus metrics at /metrics, off unless set (conventionally 9601)"),
            new Setting("", "admin-token", "bearer token (16+ characters) of the admin API (/admin/v1/) and the debug console (/console); both are off without it"),
            new Setting("", "admin-port", "serve the admin API and the console on this port only (default: the main port)"),
            positiveInt("console-max-watchers", ServerOptions.DEFAULT_CONSOLE_MAX_WATCHERS, "debug consoles one node streams to at once;"
                    + " past it a new console is refused (4429)", ServerOptions.Builder::consoleMaxWatchers),
            positiveInt("console-queue-size", ServerOptions.DEFAULT_CONSOLE_QUEUE_SIZE, "feed entries waiting for one slow console;"
                    + " past it entries are skipped and the console is told how many", ServerOptions.Builder::consoleQueueSize),
            positiveInt("console-max-rate", ServerOptions.DEFAULT_CONSOLE_MAX_RATE, "feed entries per second one node reports"
                    + " for a watched app; past it entries are skipped and counted", ServerOptions.Builder::consoleMaxRate),
            durationOrZero("secret-rotation-grace", ServerOptions.DEFAULT_SECRET_ROTATION_GRACE,
                    "how long an app's previous secret stays valid after a rotation", ServerOptions.Builder::secretRotationGrace),
            oneOf("log-format", ServerOptions.LOG_FORMATS, ServerOptions.DEFAULT_LOG_FORMAT,
                    "human lines or json, one JSON object per log line", ServerOptions.Builder::logFormat),
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
