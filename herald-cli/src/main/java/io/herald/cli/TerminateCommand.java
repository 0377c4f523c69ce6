package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald terminate USER}: closes a user's connections. */
@Command(name = "terminate",
        mixinStandardHelpOptions = true,
        description = "Close every connection signed in as USER.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald terminate 42",
                "",
                "Prints {\"success\":true,\"user\":\"42\",\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class TerminateCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "USER", description = "The user id")
    String user;

    TerminateCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("user", user);
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        herald.terminateUserConnections(user);
    }

    @Override
    protected String text(ObjectNode result) {
        return "closed the connections of user " + user;
    }
}
