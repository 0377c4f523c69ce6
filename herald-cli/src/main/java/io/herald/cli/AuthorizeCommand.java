package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.auth.PresenceData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald authorize SOCKET_ID CHANNEL}: prints what an app's auth endpoint would answer, signed
 * locally by the SDK (no request, no app id needed).
 */
@Command(name = "authorize",
        mixinStandardHelpOptions = true,
        description = {"Print the auth JSON for a private, presence or encrypted channel subscription,",
                "exactly as the server SDK's authorizeChannel makes it. Nothing is sent."},
        footerHeading = "%nExamples:%n",
        footer = {"  herald authorize 1234.5678 private-orders",
                "  herald authorize 1234.5678 presence-lobby --user-data '{\"user_id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}'",
                "",
                "Prints {\"auth\":\"KEY:SIGNATURE\"} (plus channel_data or shared_secret), or",
                "{\"success\":false,\"error\":\"…\"} when the input is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_USAGE})
final class AuthorizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOCKET_ID", description = "The connection's socket id, e.g. 1234.5678")
    String socketId;

    @Parameters(index = "1", paramLabel = "CHANNEL", description = "The channel to authorize")
    String channel;

    @Option(names = "--user-data", paramLabel = "JSON",
            description = "Presence member: {\"user_id\":\"…\",\"user_info\":{…}} (required for presence- channels)")
    String userData;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            String auth = authorize(HeraldRest.create(connection.optionsWithoutAppId()));
            spec.commandLine().getOut().println(auth);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, null);
            spec.commandLine().getOut().println(Json.object().put("success", false).put("error", failure.message()));
            spec.commandLine().getOut().flush();
            return failure.exitCode();
        }
    }

    private String authorize(HeraldRest herald) {
        if (ChannelName.typeOf(channel) != ChannelType.PRESENCE) {
            if (userData != null) {
                throw new CliException("--user-data is for presence- channels only");
            }
            return herald.authorizeChannel(socketId, channel);
        }
        if (userData == null) {
            throw new CliException("presence channels need --user-data '{\"user_id\":\"…\"}'");
        }
        JsonNode member = Json.parse(userData, "--user-data");
        if (!member.hasNonNull("user_id")) {
            throw new CliException("--user-data needs a \"user_id\"");
        }
        JsonNode info = member.get("user_info");
        return herald.authorizeChannel(socketId, channel,
                PresenceData.of(member.get("user_id").asText(), info == null || info.isNull() ? null : info));
    }
}
