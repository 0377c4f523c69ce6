package io.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.Limits;
import io.herald.protocol.SocketId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of a trigger or batch request, checked against the app's limits. Parsing validates
 * everything, so a request is either accepted whole or refused before anything is published.
 */
record TriggerEvent(String name, String data, List<String> channels, String socketId, InfoAttributes info) {

    /** Parses {@code {name, data, channels | channel, socket_id?, info?}} as sent to {@code /events}. */
    static TriggerEvent parseTrigger(JsonNode node, Limits limits) {
        requireObject(node, "request body");
        JsonNode many = node.get("channels");
        JsonNode one = node.get("channel");
        List<String> channels;
        if (many != null && !many.isNull()) {
            if (one != null && !one.isNull()) {
                throw ApiException.badRequest("give either channels or channel, not both");
            }
            if (!many.isArray()) {
                throw ApiException.badRequest("channels must be an array of channel names");
            }
            channels = new ArrayList<>(many.size());
            for (JsonNode channel : many) {
                if (!channel.isTextual()) {
                    throw ApiException.badRequest("channels must be an array of channel names");
                }
                channels.add(channel.asText());
            }
        } else if (one != null && !one.isNull()) {
            channels = List.of(text(one, "channel"));
        } else {
            throw ApiException.badRequest("channels (or channel) is required");
        }
        return parse(node, channels, limits);
    }

    /** Parses one batch item: {@code {name, data, channel, socket_id?, info?}}. */
    static TriggerEvent parseBatchItem(JsonNode node, int index, Limits limits) {
        requireObject(node, "batch[" + index + "]");
        JsonNode channel = node.get("channel");
        if (channel == null || channel.isNull()) {
            throw ApiException.badRequest("batch[" + index + "]: channel is required");
        }
        try {
            return parse(node, List.of(text(channel, "channel")), limits);
        } catch (ApiException e) {
            throw e.status() == 413
                    ? ApiException.tooLarge("batch[" + index + "]: " + e.getMessage())
                    : ApiException.badRequest("batch[" + index + "]: " + e.getMessage());
        }
    }

    private static TriggerEvent parse(JsonNode node, List<String> channels, Limits limits) {
        String name = text(node.get("name"), "name");
        if (name.isEmpty() || name.length() > limits.maxEventNameLength()) {
            throw ApiException.badRequest("name must be 1 to " + limits.maxEventNameLength() + " characters");
        }
        if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) {
            throw ApiException.badRequest("event names starting with pusher: are reserved");
        }
        String data = text(node.get("data"), "data");
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxEventPayloadBytes()) {
            throw ApiException.tooLarge("data is " + bytes + " bytes; the limit is " + limits.maxEventPayloadBytes());
        }
        checkChannels(channels, limits);
        JsonNode socketNode = node.get("socket_id");
        String socketId = socketNode == null || socketNode.isNull() ? null : text(socketNode, "socket_id");
        if (socketId != null && !SocketId.isValid(socketId)) {
            throw ApiException.badRequest("socket_id '" + socketId + "' is not a valid socket id");
        }
        JsonNode info = node.get("info");
        InfoAttributes attributes = InfoAttributes.parse(info == null || info.isNull() ? null : text(info, "info"));
        return new TriggerEvent(name, data, channels, socketId, attributes);
    }

    private static void checkChannels(List<String> channels, Limits limits) {
        if (channels.isEmpty()) {
            throw ApiException.badRequest("channels must name at least one channel");
        }
        if (channels.size() > limits.maxChannelsPerTrigger()) {
            throw ApiException.badRequest("at most " + limits.maxChannelsPerTrigger() + " channels per event, got " + channels.size());
        }
        for (String channel : channels) {
            String problem = ChannelName.problem(channel, limits.maxChannelNameLength());
            if (problem != null) {
                throw ApiException.badRequest(problem);
            }
            if (channels.size() > 1 && ChannelName.typeOf(channel) == ChannelType.PRIVATE_ENCRYPTED) {
                throw ApiException.badRequest("an event to an encrypted channel must name that channel alone");
            }
        }
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(what + " must be a JSON object");
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest(field + " is required");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return node.asText();
    }
}
