package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which connections one worker opens: global indexes {@code first … first+count-1}, connection
 * {@code i} subscribing to {@link #channel(int)}; presence connections join as user {@code u<i>}.
 *
 * @param events how many benchmark events the run will publish (sizes the delivery counters)
 * @param concurrency how many connections may be connecting at once
 */
public record FleetPlan(int first, int count, String channelPrefix, int channels, boolean presence,
                        int events, int concurrency) {

    /** The channel connection {@code index} subscribes to; with one channel the prefix itself. */
    public String channel(int index) {
        return channelOf(channelPrefix, channels, index);
    }

    /** The channel of global connection {@code index} among {@code channels} named after {@code prefix}. */
    public static String channelOf(String prefix, int channels, int index) {
        return channels == 1 ? prefix : prefix + Math.floorMod(index, channels);
    }

    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("first", first).put("count", count)
                .put("channelPrefix", channelPrefix).put("channels", channels).put("presence", presence)
                .put("events", events).put("concurrency", concurrency);
    }

    public static FleetPlan fromJson(JsonNode j) {
        return new FleetPlan(j.get("first").asInt(), j.get("count").asInt(), j.get("channelPrefix").asText(),
                j.get("channels").asInt(), j.get("presence").asBoolean(), j.get("events").asInt(),
                j.get("concurrency").asInt());
    }
}
