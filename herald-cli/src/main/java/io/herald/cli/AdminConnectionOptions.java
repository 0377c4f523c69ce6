package io.herald.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the admin API is and the token it wants, for {@code herald apps}: each from the flag, then
 * the env file ({@code --env-file}, else {@code ./.env}), then the environment. Without a URL the
 * commands talk to a local Herald at {@value #LOCAL_URL}; the token is never defaulted.
 */
final class AdminConnectionOptions {

    static final String ENV_URL = "HERALD_ADMIN_URL";
    static final String ENV_TOKEN = "HERALD_ADMIN_TOKEN";
    static final String LOCAL_URL = "http://" + ConnectionOptions.LOCAL_HOST + ":" + ConnectionOptions.LOCAL_PORT;

    private final CliContext context;

    @Option(names = "--url", paramLabel = "URL",
            description = "Where the admin API is: the node's URL, or its admin-port's (" + ENV_URL + "); default " + LOCAL_URL)
    String url;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "The node's admin-token (" + ENV_TOKEN + ")")
    String token;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read settings from this file (default ./.env if present)")
    Path envFile;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Request timeout, e.g. 5s, 500ms; a bare number is seconds; default 30s")
    Duration timeout;

    AdminConnectionOptions(CliContext context) {
        this.context = context;
    }

    /** The admin API client, or a {@link CliException} (exit 2) naming what is missing or malformed. */
    AdminApi client() {
        Map<String, String> settings = EnvFile.settings(context, envFile, "HERALD_ADMIN_");
        String chosenToken = token != null ? token : settings.get(ENV_TOKEN);
        if (chosenToken == null || chosenToken.isBlank()) {
            throw new CliException("no admin token configured: pass --admin-token, or set " + ENV_TOKEN
                    + " in the environment or an .env file");
        }
        String chosenUrl = url != null ? url : settings.getOrDefault(ENV_URL, LOCAL_URL);
        URI base;
        try {
            base = URI.create(chosenUrl.endsWith("/") ? chosenUrl.substring(0, chosenUrl.length() - 1) : chosenUrl);
        } catch (IllegalArgumentException e) {
            throw new CliException("--url is not a URL: " + chosenUrl);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new CliException("--url must be an http(s) URL with a host, was " + chosenUrl);
        }
        return new AdminApi(base, chosenToken, timeout != null ? timeout : Duration.ofSeconds(30));
    }
}
