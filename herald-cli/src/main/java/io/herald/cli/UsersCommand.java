package io.herald.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald users CHANNEL}: who is on a presence channel. */
@Command(name = "users",
        mixinStandardHelpOptions = true,
        description = "List the user ids on a presence channel.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald users presence-lobby",
                "  herald users presence-lobby --output text     # one id per line",
                "",
                "Prints {\"success\":true,\"channel\":\"presence-lobby\",\"users\":[\"1\",\"2\"],\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class UsersCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "CHANNEL", description = "A presence- channel")
    String channel;

    UsersCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("channel", channel).putNull("users");
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        ArrayNode users = result.putArray("users");
        herald.users(channel).forEach(users::add);
    }

    @Override
    protected String text(ObjectNode result) {
        StringBuilder text = new StringBuilder();
        result.path("users").forEach(id -> text.append(text.length() == 0 ? "" : "\n").append(id.asText()));
        return text.length() == 0 ? "(no users)" : text.toString();
    }
}
