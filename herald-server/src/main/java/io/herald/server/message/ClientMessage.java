package io.herald.server.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.herald.protocol.ProtocolException;

/**
 * A frame a client sent: {@code {"event", "channel"?, "data"?}}. Some clients send {@code data} as a
 * JSON-encoded string instead of an object; {@link #dataObject()} accepts both, and decodes such a
 * string once however many fields are read. Used by one connection's event loop, not shared.
 */
public final class ClientMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String event;
    private final String channel;
    private final JsonNode data;
    /** {@link #dataObject()}, once it has been asked for. */
    private JsonNode dataObject;

    private ClientMessage(String event, String channel, JsonNode data) {
        this.event = event;
        this.channel = channel;
        this.data = data;
    }

    /** The event name, never empty. */
    public String event() {
        return event;
    }

    /** The channel the frame names, or {@code null}. */
    public String channel() {
        return channel;
    }

    /** The data as sent (a missing node when there was none), for relaying as it is. */
    public JsonNode data() {
        return data;
    }

    /**
     * Parses a text frame; one it can't use throws {@link ProtocolException#invalidMessage}, with a
     * message for the client.
     */
    public static ClientMessage parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ProtocolException.invalidMessage("Invalid JSON: the message " + JsonSyntax.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw ProtocolException.invalidMessage("Message must be a JSON object");
        }
        JsonNode event = root.get("event");
        if (event == null || !event.isTextual() || event.asText().isEmpty()) {
            throw ProtocolException.invalidMessage("Message has no event name");
        }
        JsonNode channel = root.get("channel");
        if (channel != null && !channel.isNull() && !channel.isTextual()) {
            throw ProtocolException.invalidMessage("channel must be a string");
        }
        JsonNode data = root.get("data");
        return new ClientMessage(event.asText(), channel == null || channel.isNull() ? null : channel.asText(),
                data == null ? MissingNode.getInstance() : data);
    }

    /** The data as an object, decoding it first when it was sent as a JSON string. */
    public JsonNode dataObject() {
        if (dataObject == null) {
            dataObject = decodeDataObject();
        }
        return dataObject;
    }

    private JsonNode decodeDataObject() {
        if (data.isTextual()) {
            try {
                JsonNode decoded = JSON.readTree(data.asText());
                if (decoded != null && decoded.isObject()) {
                    return decoded;
                }
            } catch (JsonProcessingException e) {
                throw ProtocolException.invalidMessage("data is not a JSON object");
            }
        }
        if (!data.isObject()) {
            throw ProtocolException.invalidMessage("data must be a JSON object");
        }
        return data;
    }

    /** A text field of {@link #dataObject()}, or {@code null}. */
    public String dataText(String field) {
        JsonNode value = dataObject().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProtocolException.invalidMessage(field + " must be a string");
        }
        String text = value.asText();
        if (hasLoneSurrogate(text)) {
            // A JSON escape like \ud800 yields one; signatures are over UTF-8, where it would read as '?'
            // and a value the app never signed would verify.
            throw ProtocolException.invalidMessage(field + " is not valid Unicode text (unpaired surrogate)");
        }
        return text;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
