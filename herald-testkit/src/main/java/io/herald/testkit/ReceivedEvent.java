package io.herald.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One frame a {@link RecordingClient} received.
 *
 * @param event the event name
 * @param channel the channel, or {@code null}
 * @param data the {@code data} member as sent (a string for server events)
 * @param userId the {@code user_id} member, or {@code null}
 * @param raw the whole frame text
 */
public record ReceivedEvent(String event, String channel, JsonNode data, String userId, String raw) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReceivedEvent parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode data = root.has("data") ? root.get("data") : MissingNode.getInstance();
            return new ReceivedEvent(textOrNull(root, "event"), textOrNull(root, "channel"), data,
                    textOrNull(root, "user_id"), text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("server sent a frame that is not JSON: " + text, e);
        }
    }

    private static String textOrNull(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The data decoded: server events carry it as a JSON string, which is parsed here. */
    public JsonNode json() {
        if (!data.isTextual()) {
            return data;
        }
        try {
            return JSON.readTree(data.asText());
        } catch (JsonProcessingException e) {
            throw new AssertionError("data is a string but not JSON: " + data.asText(), e);
        }
    }

    @Override
    public String toString() {
        return raw;
    }
}
