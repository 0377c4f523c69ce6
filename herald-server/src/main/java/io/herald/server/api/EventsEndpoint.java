package io.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.app.App;
import io.herald.server.cluster.Adapter;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.message.OutboundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code POST /events} and {@code POST /batch_events}: validate, publish, report event ids and info. */
final class EventsEndpoint {

    private final Adapter adapter;
    private final ConsoleFeed console;

    EventsEndpoint(Adapter adapter, ConsoleFeed console) {
        this.adapter = adapter;
        this.console = console;
    }

    CompletableFuture<ApiResponse> trigger(App app, JsonNode body) {
        TriggerEvent event = TriggerEvent.parseTrigger(body, app.limits());
        String eventId = publish(app, event);
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("event_id", eventId);
        if (event.info().isEmpty()) {
            return CompletableFuture.completedFuture(ApiResponse.ok(response));
        }
        ObjectNode channels = response.putObject("channels");
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        for (String channel : event.channels()) {
            ObjectNode info = channels.putObject(channel);
            lookups.add(adapter.channel(app.id(), channel)
                    .thenAccept(summary -> event.info().write(info, channel, summary.orElse(null))));
        }
        return allOf(lookups).thenApply(done -> ApiResponse.ok(response));
    }

    CompletableFuture<ApiResponse> batch(App app, JsonNode body) {
        JsonNode batch = body == null ? null : body.get("batch");
        if (batch == null || !batch.isArray()) {
            throw ApiException.badRequest("batch must be an array of events");
        }
        int max = app.limits().maxEventsPerBatch();
        if (batch.size() > max) {
            throw ApiException.badRequest("at most " + max + " events per batch, got " + batch.size());
        }
        List<TriggerEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            events.add(TriggerEvent.parseBatchItem(batch.get(i), i, app.limits()));
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode results = response.putArray("batch");
        List<CompletableFuture<Void>> lookups = new ArrayList<>();
        for (TriggerEvent event : events) {
            ObjectNode result = results.addObject().put("event_id", publish(app, event));
            if (!event.info().isEmpty()) {
                String channel = event.channels().get(0);
                lookups.add(adapter.channel(app.id(), channel)
                        .thenAccept(summary -> event.info().write(result, channel, summary.orElse(null))));
            }
        }
        return allOf(lookups).thenApply(done -> ApiResponse.ok(response));
    }

    private String publish(App app, TriggerEvent event) {
        // The data is quoted once for the whole trigger; each channel's event shares that text.
        OutboundEvent outbound = OutboundEvent.server(event.channels().get(0), event.name(), event.data(), event.socketId());
        for (String channel : event.channels()) {
            adapter.publish(app.id(), outbound.onChannel(channel));
            console.apiEvent(app.id(), channel, event.name(), event.data(), event.socketId());
        }
        return EventIds.next();
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }
}
