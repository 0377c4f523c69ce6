package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.BatchResult;
import io.herald.sdk.Event;
import io.herald.sdk.HeraldRest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald batch}: publishes up to 10 events, each on one channel, in one request. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = {"Publish up to 10 events in one request, read as a JSON array from FILE or stdin.",
                "Each event: {\"channel\":\"…\",\"name\":\"…\",\"data\":… [,\"socket_id\":\"…\"] [,\"info\":\"user_count\"]};",
                "\"event\" is accepted for \"name\"; data that is not a string is sent as JSON."},
        footerHeading = "%nExamples:%n",
        footer = {"  herald batch events.json",
                "  echo '[{\"channel\":\"a\",\"name\":\"e\",\"data\":{\"n\":1}},{\"channel\":\"b\",\"name\":\"e\",\"data\":\"hi\"}]' | herald batch",
                "",
                "Prints {\"success\":true,\"events\":[{\"channel\":\"a\",\"event\":\"e\",\"event_id\":\"…\"},…],\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class BatchCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON array of events; - or nothing for stdin")
    String file = "-";

    BatchCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putArray("events");
    }

    @Override
    protected void perform(HeraldRest herald, ObjectNode result) {
        JsonNode array = Json.parse(Payload.read(file, "batch", context), "the batch");
        if (!array.isArray()) {
            throw new CliException("the batch must be a JSON array of events");
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            events.add(event(array.get(i), "batch[" + i + "]: "));
        }
        BatchResult sent = herald.triggerBatch(events);
        ArrayNode items = result.putArray("events");
        for (int i = 0; i < events.size(); i++) {
            ObjectNode item = items.addObject()
                    .put("channel", events.get(i).channels().get(0))
                    .put("event", events.get(i).name())
                    .put("event_id", sent.events().get(i).eventId());
            ObjectNode info = ChannelJson.attributes(sent.events().get(i).channel());
            if (!info.isEmpty()) {
                item.set("info", info);
            }
        }
    }

    private static Event event(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new CliException(where + "each event must be a JSON object");
        }
        JsonNode data = node.get("data");
        if (data == null || data.isNull()) {
            throw new CliException(where + "data is missing");
        }
        String name = node.hasNonNull("name") ? node.get("name").asText() : node.path("event").asText(null);
        Event event = Event.of(List.of(node.path("channel").asText("")), name, data.isTextual() ? data.asText() : data.toString());
        if (node.hasNonNull("socket_id")) {
            event = event.excludingSocket(node.get("socket_id").asText());
        }
        if (node.hasNonNull("info")) {
            event = event.withInfo(node.get("info").asText().split(","));
        }
        return event;
    }

    @Override
    protected String text(ObjectNode result) {
        StringBuilder text = new StringBuilder();
        result.path("events").forEach(e -> text.append(text.length() == 0 ? "" : "\n").append("sent ")
                .append(e.path("event").asText()).append(" to ").append(e.path("channel").asText())
                .append(" (event id ").append(e.path("event_id").asText()).append(')'));
        return text.toString();
    }
}
