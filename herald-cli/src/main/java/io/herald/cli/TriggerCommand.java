package io.herald.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.Event;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.TriggerResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herald trigger}: publishes one event on up to 100 channels. */
@Command(name = "trigger",
        mixinStandardHelpOptions = true,
        description = "Publish an event on one or more channels and print the outcome as one JSON object.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald trigger --channel orders --event created --message 'hello'",
                "  herald trigger --channel orders --channel audit --event created --data '{\"id\":42}'",
                "  herald trigger --channel orders --event created --data @order.json",
                "  echo '{\"id\":42}' | herald trigger --channel orders --event created",
                "",
                "Prints {\"success\":true,\"event_id\":\"…\",\"channel\":\"orders\",\"channels\":[\"orders\"],\"event\":\"created\",\"error\":null}",
                "(\"channel\" is null when there are several),",
                "or the same with \"success\":false and the reason in \"error\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class TriggerCommand extends ApiCommand {

    @Option(names = {"-c", "--channel"}, paramLabel = "CHANNEL", description = "Channel to publish on; repeat for up to 100")
    List<String> channels = new ArrayList<>();

    @Option(names = {"-e", "--event"}, paramLabel = "EVENT", description = "Event name")
    String event;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Send {\"message\":TEXT} as the data")
    String message;

    @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE",
            description = "The data: JSON, or @FILE to read it from a file (@- for stdin). Without --message or --data, stdin is read")
    String data;

    @Option(names = "--socket-id", paramLabel = "SOCKET_ID", description = "Leave out this connection (the sender's own)")
    String socketId;

    @Option(names = "--info", paramLabel = "ATTRIBUTES", split = ",",
            description = "Report channel attributes back: user_count, subscription_count")
    List<String> info = new ArrayList<>();

    TriggerCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("event_id");
        // The shape scheduled jobs read: "channel" as a string when there is one.
        if (channels.size() == 1) {
            result.put("channel", channels.get(0));
        } else {
            result.putNull("channel");
        }
        ArrayNode names = result.putArray("channels");
        channels.forEach(names::add);
        result.put("event", event);
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        if (event == null) {
            throw new CliException("no event name: pass --event NAME");
        }
        Event e = Event.of(channels, event, Payload.eventData(message, data, context));
        if (socketId != null) {
            e = e.excludingSocket(socketId);
        }
        if (!info.isEmpty()) {
            e = e.withInfo(info.toArray(String[]::new));
        }
        TriggerResult sent = herald.trigger(e);
        result.put("event_id", sent.eventId());
        if (!info.isEmpty()) {
            result.set("info", ChannelJson.infos(sent.channels()));
        }
    }

    @Override
    protected String text(ObjectNode result) {
        return "sent " + event + " to " + String.join(", ", channels) + " (event id " + result.path("event_id").asText()
                + ")" + (result.has("info") ? " " + result.get("info") : "");
    }
}
