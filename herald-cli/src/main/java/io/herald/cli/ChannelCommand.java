package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.ChannelInfo;
import io.herald.sdk.HeraldRest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald channel NAME}: one channel's state. */
@Command(name = "channel",
        mixinStandardHelpOptions = true,
        description = "Show whether a channel is occupied, and its counts when asked.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald channel orders",
                "  herald channel presence-lobby --info user_count,subscription_count --output text",
                "",
                "Prints {\"success\":true,\"channel\":\"orders\",\"occupied\":true,\"user_count\":null,",
                "\"subscription_count\":1,\"error\":null}; a count not asked for is null."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class ChannelCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The channel")
    String name;

    @Option(names = "--info", paramLabel = "ATTRIBUTES", split = ",",
            description = "Attributes to report: user_count (presence channels), subscription_count")
    List<String> info = new ArrayList<>();

    ChannelCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("channel", name).putNull("occupied");
        result.putNull("user_count");
        result.putNull("subscription_count");
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        ChannelInfo channel = herald.channel(name, info.toArray(String[]::new));
        result.put("occupied", channel.occupied());
        result.put("user_count", channel.userCount());
        result.put("subscription_count", channel.subscriptionCount());
    }

    @Override
    protected String text(ObjectNode result) {
        String text = name + (result.path("occupied").asBoolean() ? " is occupied" : " is not occupied");
        if (!result.path("user_count").isNull()) {
            text += ", users: " + result.get("user_count");
        }
        if (!result.path("subscription_count").isNull()) {
            text += ", subscriptions: " + result.get("subscription_count");
        }
        return text;
    }
}
