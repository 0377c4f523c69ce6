package io.herald.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.client.PusherEvent;
import java.io.IOException;

/** Reads the protocol's text frames: {@code {"event", "channel"?, "data"?, "user_id"?}}. */
public final class Frames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /**
     * The event a frame carries, or {@code null} when it is not one. Server→client data is a
     * JSON-encoded string and stays that string; client events may carry any JSON value, kept as its text.
     */
    public static PusherEvent parse(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
        JsonNode event = frame == null ? null : frame.get("event");
        if (event == null || !event.isTextual()) {
            return null;
        }
        JsonNode data = frame.get("data");
        String payload = data == null || data.isNull() ? null : data.isTextual() ? data.asText() : data.toString();
        return new PusherEvent(event.asText(), frame.path("channel").asText(null), payload, frame.path("user_id").asText(null));
    }

    /** Parses a data string as JSON; an empty object when it is missing or not JSON. */
    public static JsonNode json(String data) {
        if (data != null) {
            try {
                JsonNode node = JSON.readTree(data);
                if (node != null) {
                    return node;
                }
            } catch (IOException e) {
                // fall through: treat as empty
            }
        }
        return JSON.createObjectNode();
    }
}
