package io.herald.cli;

import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.push.HeraldPushOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which Beams instance the {@code herald push} commands act as, and where its APIs are. As for the
 * Channels commands, each setting comes from the flag, then the env file ({@code --env-file}, else
 * {@code ./.env}), then the environment; the {@code PUSHER_BEAMS_*} names are read by the SDK itself
 * ({@link HeraldPushOptions.Builder#environment(Map)}).
 *
 * <p><b>Local Herald default.</b> With no base URL set anywhere and no {@code --hosted}, the commands
 * talk to a local Herald at {@value #LOCAL_BASE_URL}. The instance id and secret key are never
 * defaulted: a missing one is an error naming the flag and the variable.
 */
final class PushConnectionOptions {

    static final String LOCAL_BASE_URL = "http://" + ConnectionOptions.LOCAL_HOST + ":" + ConnectionOptions.LOCAL_PORT;

    private final CliContext context;

    @Option(names = "--instance-id", paramLabel = "ID", description = "Beams instance id (PUSHER_BEAMS_INSTANCE_ID)")
    String instanceId;

    @Option(names = "--secret-key", paramLabel = "KEY", description = "The instance's secret key (PUSHER_BEAMS_SECRET_KEY)")
    String secretKey;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the Beams APIs are (PUSHER_BEAMS_BASE_URL); default "
            + LOCAL_BASE_URL)
    String baseUrl;

    @Option(names = "--hosted", description = "Use hosted Pusher Beams, https://ID.pushnotifications.pusher.com, unless a base URL is set")
    boolean hosted;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read PUSHER_* settings from this file (default ./.env if present)")
    Path envFile;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Request timeout, e.g. 5s, 500ms, 1m; a bare number is seconds (in PUSHER_BEAMS_TIMEOUT, milliseconds); default 30s")
    Duration timeout;

    PushConnectionOptions(CliContext context) {
        this.context = context;
    }

    /** The SDK options, or a {@link CliException} (exit 2) naming what is missing or malformed. */
    HeraldPushOptions options() {
        Map<String, String> settings = EnvFile.settings(context, envFile);
        require(instanceId != null || settings.containsKey(HeraldPushOptions.ENV_INSTANCE_ID), "instance id",
                "--instance-id", HeraldPushOptions.ENV_INSTANCE_ID);
        require(secretKey != null || settings.containsKey(HeraldPushOptions.ENV_SECRET_KEY), "secret key",
                "--secret-key", HeraldPushOptions.ENV_SECRET_KEY);
        HeraldPushOptions.Builder builder = HeraldPushOptions.builder().environment(settings)
                .instanceId(instanceId).secretKey(secretKey).baseUrl(baseUrl).requestTimeout(timeout);
        if (baseUrl == null && !hosted && !settings.containsKey(HeraldPushOptions.ENV_BASE_URL)) {
            builder.baseUrl(LOCAL_BASE_URL);
        }
        try {
            return builder.build();
        } catch (HeraldValidationException e) {
            throw new CliException("configuration: " + e.getMessage());
        }
    }

    private static void require(boolean present, String what, String flag, String variable) {
        if (!present) {
            throw new CliException("no " + what + " configured: pass " + flag + ", or set " + variable
                    + " in the environment or an .env file");
        }
    }
}
