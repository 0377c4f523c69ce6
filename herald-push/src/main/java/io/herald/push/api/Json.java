package io.herald.push.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** JSON reading with bounded nesting, and the small helpers the endpoints share. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build());

    private Json() {
    }

    /** The body as a JSON object, or a 400 saying why not. */
    public static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            throw BeamsException.badRequest("The request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw BeamsException.badRequest("The request body is not valid JSON: "
                    + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw BeamsException.badRequest("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
