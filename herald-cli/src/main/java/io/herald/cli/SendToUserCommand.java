package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald send-to-user USER EVENT DATA}: an event to every connection signed in as a user. */
@Command(name = "send-to-user",
        mixinStandardHelpOptions = true,
        description = "Send an event to every connection signed in as USER (channel #server-to-user-USER).",
        footerHeading = "%nExamples:%n",
        footer = {"  herald send-to-user 42 welcome '{\"text\":\"hi\"}'",
                "  herald send-to-user 42 welcome @welcome.json",
                "",
                "Prints {\"success\":true,\"event_id\":\"…\",\"user\":\"42\",\"event\":\"welcome\",\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class SendToUserCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "USER", description = "The user id")
    String user;

    @Parameters(index = "1", paramLabel = "EVENT", description = "Event name")
    String event;

    @Parameters(index = "2", paramLabel = "DATA", description = "JSON, or @FILE (@- for stdin)")
    String data;

    SendToUserCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("event_id");
        result.put("user", user).put("event", event);
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        result.put("event_id", herald.sendToUser(user, event, Payload.json(data, "DATA", context)).eventId());
    }

    @Override
    protected String text(ObjectNode result) {
        return "sent " + event + " to user " + user + " (event id " + result.path("event_id").asText() + ")";
    }
}
