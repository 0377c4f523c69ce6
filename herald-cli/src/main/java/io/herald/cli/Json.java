package io.herald.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the commands, and the parsing of JSON given on the command line. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses {@code text}, or fails with a usage error that says what {@code what} is. */
    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new CliException(what + " is empty; expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CliException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code text} as JSON when it is JSON, else as a string: how event data is shown. */
    static JsonNode lenient(String text) {
        if (text == null) {
            return MAPPER.nullNode();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? MAPPER.getNodeFactory().textNode(text) : node;
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }
}
