package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A one-shot command that makes one call through an SDK client and reports it as one JSON object:
 * {@code {"success":…, <the command's fields>, "error":…}}, with exit code 0, 1 (the request failed)
 * or 2 (nothing was sent). Subclasses name the request in {@link #describe} (so a failure still says
 * what was attempted), build the client from their settings in {@link #connect} and fill in the
 * answer in {@link #perform}.
 *
 * @param <C> the SDK client the command uses
 */
abstract class JsonCommand<C> implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** The context the command runs in (stdin, environment). */
    protected final CliContext context;

    protected JsonCommand(CliContext context) {
        this.context = context;
    }

    /** Adds the fields that describe the request, with {@code null} for what the answer fills in. */
    protected abstract void describe(ObjectNode result);

    /** The client, from the settings; a {@link CliException} (exit 2) when they are missing or malformed. */
    protected abstract C connect();

    /** The server {@code client} talks to, named when it can't be reached. */
    protected abstract URI server(C client);

    /** Makes the call and fills in the answer; throws (CLI or SDK exceptions) to fail. */
    protected abstract void perform(C client, ObjectNode result);

    /** The line {@code --output text} prints on success. */
    protected abstract String text(ObjectNode result);

    @Override
    public final Integer call() {
        ObjectNode result = Json.object().put("success", false);
        C client = null;
        int exitCode = ExitCodes.OK;
        try {
            describe(result);
            client = connect();
            perform(client, result);
            result.put("success", true);
            result.putNull("error");
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, client == null ? null : server(client));
            result.put("error", failure.message());
            exitCode = failure.exitCode();
        }
        output.print(spec, result, this::text);
        return exitCode;
    }
}
