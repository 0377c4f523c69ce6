package io.herald.server.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The feed's entries: one JSON object each, {@code {"time", "type", ...}} with {@code channel},
 * {@code event}, {@code data}, {@code socket_id} and the other fields a type has. Event data longer
 * than {@link #MAX_DATA_CHARS} is cut there and marked {@code "truncated": true}, so one entry stays small.
 */
final class FeedEntries {

    /** Longest event data an entry carries. */
    static final int MAX_DATA_CHARS = 2048;

    private FeedEntries() {
    }

    static ObjectNode entry(String type) {
        return JsonNodeFactory.instance.objectNode().put("time", System.currentTimeMillis()).put("type", type);
    }

    /** Puts {@code field} unless {@code value} is null. */
    static ObjectNode with(ObjectNode entry, String field, String value) {
        return value == null ? entry : entry.put(field, value);
    }

    static ObjectNode withData(ObjectNode entry, String data) {
        if (data == null) {
            return entry;
        }
        if (data.length() <= MAX_DATA_CHARS) {
            return entry.put("data", data);
        }
        return entry.put("data", data.substring(0, MAX_DATA_CHARS)).put("truncated", true);
    }

    /** {@code {"type":"skipped","count":n,"reason":…}}: entries that were left out. */
    static String skipped(int count, String reason) {
        return entry("skipped").put("count", count).put("reason", reason).toString();
    }
}
