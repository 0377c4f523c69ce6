package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.push.HeraldPush;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald push delete-user USER}: removes a user and all their devices. */
@Command(name = "delete-user",
        mixinStandardHelpOptions = true,
        description = "Remove USER and all their devices: they get no more notifications.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald push delete-user 42",
                "",
                "Prints {\"success\":true,\"user_id\":\"42\",\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class PushDeleteUserCommand extends PushApiCommand {

    @Parameters(index = "0", paramLabel = "USER", description = "The user id")
    String user;

    PushDeleteUserCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("user_id", user);
    }

    @Override
    protected void perform(HeraldPush push, ObjectNode result) {
        push.deleteUser(user);
    }

    @Override
    protected String text(ObjectNode result) {
        return "deleted user " + user;
    }
}
