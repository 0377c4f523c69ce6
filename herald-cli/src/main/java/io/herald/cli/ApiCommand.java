package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldClient;
import io.herald.sdk.HeraldOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A one-shot command that makes one call through the server SDK and reports it as one JSON object:
 * {@code {"success":…, <the command's fields>, "error":…}}. Subclasses name the request in
 * {@link #describe} (so a failure still says what was attempted) and fill in the answer in
 * {@link #perform}.
 */
abstract class ApiCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** The context the command runs in (stdin, environment). */
    protected final CliContext context;

    protected ApiCommand(CliContext context) {
        this.context = context;
    }

    /** Adds the fields that describe the request, with {@code null} for what the answer fills in. */
    protected abstract void describe(ObjectNode result);

    /** Makes the call and fills in the answer; throws (CLI or SDK exceptions) to fail. */
    protected abstract void perform(HeraldClient herald, ObjectNode result);

    /** The line {@code --output text} prints on success. */
    protected abstract String text(ObjectNode result);

    /** The SDK options this command needs; commands that need no app id override it. */
    protected HeraldOptions options() {
        return connection.options();
    }

    @Override
    public final Integer call() {
        ObjectNode result = Json.object().put("success", false);
        HeraldOptions options = null;
        int exitCode = ExitCodes.OK;
        try {
            describe(result);
            options = options();
            perform(HeraldClient.create(options), result);
            result.put("success", true);
            result.putNull("error");
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, options);
            result.put("error", failure.message());
            exitCode = failure.exitCode();
        }
        output.print(spec, result, this::text);
        return exitCode;
    }
}
