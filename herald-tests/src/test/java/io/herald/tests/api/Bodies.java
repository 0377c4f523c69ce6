package io.herald.tests.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** JSON bodies for {@code POST /events} and {@code POST /batch_events}; tests change them further with Jackson. */
final class Bodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Bodies() {
    }

    /** {@code {"name", "data", "channels": [...]}} */
    static ObjectNode trigger(String name, String data, String... channels) {
        return trigger(name, data, List.of(channels));
    }

    static ObjectNode trigger(String name, String data, List<String> channels) {
        ObjectNode body = JSON.objectNode().put("name", name).put("data", data);
        ArrayNode list = body.putArray("channels");
        channels.forEach(list::add);
        return body;
    }

    /** {@code {"name", "data", "channel"}} as one batch item. */
    static ObjectNode batchItem(String name, String data, String channel) {
        return JSON.objectNode().put("name", name).put("data", data).put("channel", channel);
    }

    /** {@code {"batch": [items]}} */
    static ObjectNode batch(List<ObjectNode> items) {
        ObjectNode body = JSON.objectNode();
        body.putArray("batch").addAll(items);
        return body;
    }
}
