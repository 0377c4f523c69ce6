package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.push.BeamsToken;
import io.herald.sdk.push.HeraldPush;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald push token USER}: a Beams token for a user, signed locally with the secret key. */
@Command(name = "token",
        mixinStandardHelpOptions = true,
        description = "Print a Beams token (HS256 JWT, valid 24 h) that lets a device sign in as USER. Signed locally; nothing is sent.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald push token 42",
                "  herald push token 42 --output text      # the token alone",
                "",
                "Prints {\"success\":true,\"user_id\":\"42\",\"token\":\"eyJ…\",\"expires_at\":\"2030-01-02T03:04:05Z\",\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE})
final class PushTokenCommand extends PushApiCommand {

    @Parameters(index = "0", paramLabel = "USER", description = "The user id (1-164 bytes)")
    String user;

    PushTokenCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("user_id", user).putNull("token").putNull("expires_at");
    }

    @Override
    protected void perform(HeraldPush push, ObjectNode result) {
        BeamsToken token = push.generateToken(user);
        result.put("token", token.token()).put("expires_at", token.expiresAt().toString());
    }

    @Override
    protected String text(ObjectNode result) {
        return result.path("token").asText();
    }
}
