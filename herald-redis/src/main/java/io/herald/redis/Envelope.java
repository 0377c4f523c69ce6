package io.herald.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.message.OutboundEvent;

/**
 * An event as it crosses nodes on the Redis events channel: the publishing node (which has already
 * delivered it to its own subscribers), the app and the {@link OutboundEvent} unchanged, so every
 * node encodes it once and honours the excluded socket itself.
 *
 * @param nodeId the node that published it
 * @param appId the app it belongs to
 * @param event the event
 */
record Envelope(String nodeId, String appId, OutboundEvent event) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("n", nodeId);
        node.put("a", appId);
        node.put("c", event.channel());
        node.put("e", event.event());
        node.put("d", event.dataJson());
        if (event.excludeSocketId() != null) {
            node.put("x", event.excludeSocketId());
        }
        if (event.userId() != null) {
            node.put("u", event.userId());
        }
        return node.toString();
    }

    static Envelope decode(String text) {
        return decode(parse(text));
    }

    static Envelope decode(JsonNode node) {
        OutboundEvent event = new OutboundEvent(node.path("c").asText(), node.path("e").asText(),
                node.path("d").asText(), optional(node, "x"), optional(node, "u"));
        return new Envelope(node.path("n").asText(), node.path("a").asText(), event);
    }

    /** A message from the events channel as JSON. */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
