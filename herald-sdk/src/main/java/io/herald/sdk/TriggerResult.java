package io.herald.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accepted outcome of a trigger. Failures are thrown instead ({@link HeraldHttpException},
 * {@link HeraldNetworkException}), each saying whether a retry makes sense; a result is never worth
 * retrying.
 *
 * @param status the HTTP status (200)
 * @param body the parsed response body
 * @param eventId the event id when the server returns one (Herald does), else {@code null}
 * @param channels the info asked for with {@link Event#withInfo}, by channel
 */
public record TriggerResult(int status, JsonNode body, String eventId, Map<String, ChannelInfo> channels) {

    /** @return always false: the event was accepted */
    public boolean isRetryable() {
        return false;
    }

    static TriggerResult parse(ApiResponse response) {
        JsonNode body = response.body();
        Map<String, ChannelInfo> channels = new LinkedHashMap<>();
        body.path("channels").fields().forEachRemaining(e -> channels.put(e.getKey(), ChannelInfo.parse(e.getKey(), e.getValue())));
        return new TriggerResult(response.status(), body, text(body, "event_id"), Map.copyOf(channels));
    }

    static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
