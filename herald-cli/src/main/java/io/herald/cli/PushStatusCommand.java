package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.push.HeraldPush;
import io.herald.sdk.push.PublishStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald push status PUBLISH_ID}: where a publish's deliveries stand (Herald only). */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Show how many deliveries of a publish are queued, sent, failed, or removed their device (Herald only; hosted Beams has no such API).",
        footerHeading = "%nExamples:%n",
        footer = {"  herald push status pubid-6a3e…",
                "",
                "Prints {\"success\":true,\"publish_id\":\"pubid-…\",\"targets\":4,\"queued\":0,\"sent\":3,\"failed\":0,\"removed\":1,\"status\":{…},\"error\":null};",
                "\"status\" is the server's whole answer."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class PushStatusCommand extends PushApiCommand {

    @Parameters(index = "0", paramLabel = "PUBLISH_ID", description = "The id a publish returned")
    String publishId;

    PushStatusCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("publish_id", publishId).putNull("expanding").putNull("targets").putNull("queued").putNull("sent").putNull("failed")
                .putNull("removed").putNull("status");
    }

    @Override
    protected void perform(HeraldPush push, ObjectNode result) {
        PublishStatus status = push.publishStatus(publishId);
        result.put("expanding", status.expanding()).put("targets", status.targets()).put("queued", status.queued()).put("sent", status.sent())
                .put("failed", status.failed()).put("removed", status.removed()).set("status", status.body());
    }

    @Override
    protected String text(ObjectNode result) {
        return String.format("%s: %d devices%s, %d queued, %d sent, %d failed, %d devices removed", publishId,
                result.path("targets").asLong(), result.path("expanding").asBoolean() ? " so far" : "", result.path("queued").asLong(), result.path("sent").asLong(),
                result.path("failed").asLong(), result.path("removed").asLong());
    }
}
