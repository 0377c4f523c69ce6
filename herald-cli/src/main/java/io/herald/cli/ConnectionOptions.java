package io.herald.cli;

import io.herald.sdk.EnvironmentSettings;
import io.herald.sdk.HeraldRestOptions;
import io.herald.sdk.HeraldValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the server is and which app to act as, shared by every command that talks to Herald.
 * Each setting is taken from the first place that has it: the flag, then the env file
 * ({@code --env-file}, else {@code ./.env} when present), then the environment. The {@code PUSHER_*}
 * names are read by the SDK itself ({@link HeraldRestOptions.Builder#environment(Map)}), so the command
 * accepts exactly what the SDK accepts.
 *
 * <p><b>Local Herald defaults.</b> When no host, cluster or URL is configured anywhere (an empty
 * variable counts as unset), the commands talk to a local Herald: {@value #LOCAL_HOST}, port
 * {@value #LOCAL_PORT}, no TLS (the SDK's default for a named host not on port 443). The app id, key and
 * secret are never defaulted: a missing one is an error that names the flag and the variable.
 */
final class ConnectionOptions {

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 6001;

    /** Stands in for the app id where a command needs none (authorize, subscribe). */
    private static final String NO_APP_ID = "-";

    private final CliContext context;

    @Option(names = "--app-id", paramLabel = "ID", description = "App id (PUSHER_APP_ID)")
    String appId;

    @Option(names = "--key", paramLabel = "KEY", description = "App key (PUSHER_KEY or PUSHER_APP_KEY)")
    String key;

    @Option(names = "--secret", paramLabel = "SECRET", description = "App secret (PUSHER_SECRET or PUSHER_APP_SECRET)")
    String secret;

    @Option(names = "--host", paramLabel = "HOST", description = "Server host (PUSHER_HOST); default " + LOCAL_HOST
            + " when no host, cluster or URL is set")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Server port (PUSHER_PORT); local default " + LOCAL_PORT)
    Integer port;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Hosted Pusher cluster, e.g. eu (PUSHER_CLUSTER)")
    String cluster;

    @Option(names = "--tls", negatable = true, description = "Use https/wss (PUSHER_USE_TLS); local default off")
    Boolean tls;

    @Option(names = "--url", paramLabel = "URL", description = "http[s]://KEY:SECRET@HOST[:PORT]/apps/APP_ID (PUSHER_URL)")
    String url;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "HTTP proxy for API requests, http://[USER:PASSWORD@]HOST:PORT (PUSHER_PROXY); credentials are sent as Proxy-Authorization")
    String proxy;

    @Option(names = "--keep-alive", negatable = true,
            description = "Reuse connections between API requests (PUSHER_KEEP_ALIVE); default on")
    Boolean keepAlive;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read PUSHER_* settings from this file (default ./.env if present)")
    Path envFile;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Request timeout, e.g. 5s, 500ms, 1m; a bare number is seconds (in PUSHER_TIMEOUT, milliseconds); default 30s. "
                    + "For subscribe: how long to connect and listen")
    Duration timeout;

    ConnectionOptions(CliContext context) {
        this.context = context;
    }

    /** The SDK options, or a {@link CliException} (exit 2) naming what is missing or malformed. */
    HeraldRestOptions options() {
        return build(true);
    }

    /** Like {@link #options()} for commands that only sign or listen and need no app id. */
    HeraldRestOptions optionsWithoutAppId() {
        return build(false);
    }

    /** The {@code PUSHER_*} settings of the env file laid over those of the environment. */
    Map<String, String> settings() {
        return EnvFile.settings(context, envFile);
    }

    private HeraldRestOptions build(boolean needsAppId) {
        Map<String, String> settings = settings();
        // Read by the SDK's rule: an empty PUSHER_URL= is unset and leaves the local defaults alone.
        EnvironmentSettings env = new EnvironmentSettings(settings);
        boolean fromUrl = url != null || env.has("PUSHER_URL");
        require(fromUrl || key != null || env.has("PUSHER_KEY", "PUSHER_APP_KEY"), "app key", "--key", "PUSHER_KEY");
        require(fromUrl || secret != null || env.has("PUSHER_SECRET", "PUSHER_APP_SECRET"), "app secret", "--secret", "PUSHER_SECRET");
        boolean hasAppId = fromUrl || appId != null || env.has("PUSHER_APP_ID");
        if (needsAppId) {
            require(hasAppId, "app id", "--app-id", "PUSHER_APP_ID");
        }
        HeraldRestOptions.Builder builder = HeraldRestOptions.builder().environment(settings);
        if (!hasAppId) {
            builder.appId(NO_APP_ID);
        }
        applyLocalDefaults(builder, env, fromUrl);
        applyFlags(builder);
        try {
            return builder.build();
        } catch (HeraldValidationException e) {
            throw new CliException("configuration: " + e.getMessage());
        }
    }

    /** Host and port of a local Herald; TLS stays the SDK's default, off for a named host on a port other than 443. */
    private void applyLocalDefaults(HeraldRestOptions.Builder builder, EnvironmentSettings env, boolean fromUrl) {
        if (fromUrl || host != null || cluster != null || env.has("PUSHER_HOST", "PUSHER_CLUSTER")) {
            return;
        }
        builder.host(LOCAL_HOST);
        if (!env.has("PUSHER_PORT")) {
            builder.port(LOCAL_PORT);
        }
    }

    /** Flags last: the builder's explicit settings beat the environment, and later calls beat earlier ones. */
    private void applyFlags(HeraldRestOptions.Builder builder) {
        try {
            if (url != null) {
                builder.url(url);
            }
            if (proxy != null) {
                builder.proxy(proxy);
            }
        } catch (HeraldValidationException e) {
            throw new CliException(e.getMessage().replaceFirst("^(url|proxy)", "--$1"));
        }
        if (keepAlive != null) {
            builder.keepAlive(keepAlive);
        }
        if (appId != null) {
            builder.appId(appId);
        }
        if (key != null) {
            builder.key(key);
        }
        if (secret != null) {
            builder.secret(secret);
        }
        if (cluster != null) {
            builder.cluster(cluster).host(null);
        }
        if (host != null) {
            builder.host(host);
        }
        if (port != null) {
            builder.port(port);
        }
        if (tls != null) {
            builder.useTls(tls);
        }
        if (timeout != null) {
            builder.requestTimeout(timeout);
        }
    }

    private static void require(boolean present, String what, String flag, String variable) {
        if (!present) {
            throw new CliException("no " + what + " configured: pass " + flag + " or --url, or set " + variable
                    + " or PUSHER_URL in the environment or an .env file");
        }
    }
}
