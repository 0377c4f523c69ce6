package io.herald.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The accepted outcome of a batch trigger: one entry per event, in request order.
 *
 * @param status the HTTP status (200)
 * @param body the parsed response body
 * @param events per event: its id (when returned) and the info asked for on its channel
 */
public record BatchResult(int status, JsonNode body, List<Item> events) {

    /** One event's outcome; {@code channel} holds info only when it was asked for. */
    public record Item(String eventId, ChannelInfo channel) {
    }

    /** @return always false: the batch was accepted */
    public boolean isRetryable() {
        return false;
    }

    static BatchResult parse(ApiResponse response, List<Event> sent) {
        JsonNode items = response.body().path("batch");
        List<Item> events = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            JsonNode item = items.path(i);
            String channel = sent.get(i).channels().get(0);
            events.add(new Item(TriggerResult.text(item, "event_id"), ChannelInfo.parse(channel, item)));
        }
        return new BatchResult(response.status(), response.body(), List.copyOf(events));
    }
}
