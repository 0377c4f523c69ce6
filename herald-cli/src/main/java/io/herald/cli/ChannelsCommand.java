package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldRest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herald channels}: the occupied channels. */
@Command(name = "channels",
        mixinStandardHelpOptions = true,
        description = "List the occupied channels, optionally those starting with a prefix.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald channels",
                "  herald channels --prefix presence- --info user_count --output text",
                "",
                "Prints {\"success\":true,\"channels\":{\"presence-lobby\":{\"user_count\":2}},\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class ChannelsCommand extends ApiCommand {

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Only channels whose name starts with PREFIX")
    String prefix;

    @Option(names = "--info", paramLabel = "ATTRIBUTES", split = ",",
            description = "Attributes to report: user_count (needs --prefix presence-)")
    List<String> info = new ArrayList<>();

    ChannelsCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("channels");
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        result.set("channels", ChannelJson.infos(herald.channels(prefix, info.toArray(String[]::new))));
    }

    @Override
    protected String text(ObjectNode result) {
        StringBuilder text = new StringBuilder();
        result.path("channels").fields().forEachRemaining(e -> text.append(text.length() == 0 ? "" : "\n")
                .append(e.getKey()).append(e.getValue().isEmpty() ? "" : " " + e.getValue()));
        return text.length() == 0 ? "(no occupied channels)" : text.toString();
    }
}
