package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldRestOptions;
import io.herald.sdk.webhook.Webhook;
import io.herald.sdk.webhook.WebhookValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald webhook verify}: checks a webhook body read from stdin against its
 * {@code X-Pusher-Key} and {@code X-Pusher-Signature} headers with the SDK's {@link WebhookValidator}.
 * The app's key and secret come from the usual settings; {@code --key} is the header's value.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Check a webhook body (stdin) against its X-Pusher-Key and X-Pusher-Signature headers,",
                "using the app key and secret from --app-key/--secret, the env file or PUSHER_* variables."},
        footerHeading = "%nExamples:%n",
        footer = {"  herald webhook verify --key app-key --signature 3a7c… < body.json",
                "",
                "Prints {\"success\":true,\"verdict\":\"VALID\",\"time_ms\":…,\"events\":[…],\"error\":null}, or",
                "\"success\":false with verdict BAD_SIGNATURE or UNKNOWN_KEY."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the webhook is authentic", "1:bad signature or unknown key", ExitCodes.LIST_USAGE})
final class WebhookVerifyCommand implements Callable<Integer> {

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "The X-Pusher-Key header")
    String headerKey;

    @Option(names = "--signature", required = true, paramLabel = "HEX", description = "The X-Pusher-Signature header")
    String signature;

    @Option(names = "--app-key", paramLabel = "KEY", description = "The app's key (PUSHER_KEY or PUSHER_APP_KEY)")
    String appKey;

    @Option(names = "--secret", paramLabel = "SECRET", description = "The app's secret (PUSHER_SECRET or PUSHER_APP_SECRET)")
    String secret;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read PUSHER_* settings from this file (default ./.env if present)")
    Path envFile;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    WebhookVerifyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode result = Json.object().put("success", false);
        result.putNull("verdict");
        int exitCode;
        try {
            HeraldRestOptions app = appSettings();
            byte[] body = Payload.read("-", "webhook body", context).getBytes(StandardCharsets.UTF_8);
            Webhook hook = WebhookValidator.of(app.key(), app.secret()).validate(headerKey, signature, body);
            result.put("verdict", hook.verdict().name());
            switch (hook.verdict()) {
                case VALID -> {
                    JsonNode parsed = Json.MAPPER.readTree(body);
                    result.put("success", true).put("time_ms", hook.timeMs()).set("events", parsed.get("events"));
                    result.putNull("error");
                }
                case UNKNOWN_KEY -> result.put("error", "unknown key: '" + headerKey + "' is not the app's key");
                case BAD_SIGNATURE -> result.put("error", "bad signature: it does not match the body under the secret of key '"
                        + headerKey + "'");
            }
            exitCode = hook.isValid() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (Exception e) {
            Failure failure = Failure.of(e, null);
            result.put("error", failure.message());
            exitCode = failure.exitCode();
        }
        output.print(spec, result, r -> "valid webhook: " + r.path("events").size() + " event(s) " + r.path("events"));
        return exitCode;
    }

    /** The app key and secret, resolved like every command's settings (no host or app id needed). */
    private HeraldRestOptions appSettings() {
        ConnectionOptions settings = new ConnectionOptions(context);
        settings.key = appKey;
        settings.secret = secret;
        settings.envFile = envFile;
        return settings.optionsWithoutAppId();
    }
}
