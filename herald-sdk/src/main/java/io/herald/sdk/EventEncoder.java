package io.herald.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.Check;
import io.herald.protocol.Limits;
import io.herald.protocol.SocketId;
import io.herald.sdk.crypto.ChannelEncryption;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks events against the limits and turns them into request bodies, encrypting the data of
 * {@code private-encrypted-} channels. Everything is checked before anything is sent.
 */
final class EventEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Limits limits;
    private final JsonSerializer serializer;
    private final ChannelEncryption encryption;

    EventEncoder(Limits limits, JsonSerializer serializer, ChannelEncryption encryption) {
        this.limits = limits;
        this.serializer = serializer;
        this.encryption = encryption;
    }

    /** The body of {@code POST /events}. */
    String trigger(Event event) {
        return encode(Check.notNull(event, "event", HeraldValidationException::new), "").toString();
    }

    /** The body of {@code POST /batch_events}. */
    String batch(List<Event> events) {
        if (events == null || events.isEmpty()) {
            throw new HeraldValidationException("a batch needs at least one event");
        }
        if (events.size() > limits.maxEventsPerBatch()) {
            throw new HeraldValidationException("a batch holds at most " + limits.maxEventsPerBatch()
                    + " events, got " + events.size());
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode batch = body.putArray("batch");
        for (int i = 0; i < events.size(); i++) {
            String where = "batch[" + i + "]: ";
            Event event = Check.notNull(events.get(i), where + "event", HeraldValidationException::new);
            if (event.channels().size() != 1) {
                throw new HeraldValidationException(where + "each batch event names exactly one channel, got " + event.channels().size());
            }
            ObjectNode item = encode(event, where);
            item.remove("channels");
            item.put("channel", event.channels().get(0));
            batch.add(item);
        }
        return body.toString();
    }

    /** The event's data as it travels: a string as is, an object as JSON, encrypted when the channel is. */
    String data(String channel, Object data, String where) {
        if (data == null) {
            throw new HeraldValidationException(where + "data must not be null");
        }
        String text = data instanceof String s ? s : serializer.toJson(data);
        if (ChannelEncryption.isEncrypted(channel)) {
            if (encryption == null) {
                throw new HeraldValidationException(where + "channel '" + channel
                        + "' is encrypted; set encryptionMasterKey to publish to it");
            }
            text = encryption.encryptToJson(channel, text);
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxEventPayloadBytes()) {
            throw new HeraldValidationException(where + "data is " + bytes + " bytes"
                    + (ChannelEncryption.isEncrypted(channel) ? " once encrypted" : "")
                    + "; the limit is " + limits.maxEventPayloadBytes());
        }
        return text;
    }

    private ObjectNode encode(Event event, String where) {
        checkName(event.name(), where);
        checkChannels(event.channels(), where);
        if (event.socketId() != null) {
            checkSocketId(event.socketId(), where);
        }
        ObjectNode node = JSON.createObjectNode().put("name", event.name());
        ArrayNode channels = node.putArray("channels");
        event.channels().forEach(channels::add);
        node.put("data", data(event.channels().get(0), event.data(), where));
        if (event.socketId() != null) {
            node.put("socket_id", event.socketId());
        }
        if (!event.info().isEmpty()) {
            node.put("info", String.join(",", event.info()));
        }
        return node;
    }

    private void checkName(String name, String where) {
        if (name == null || name.isEmpty() || name.length() > limits.maxEventNameLength()) {
            throw new HeraldValidationException(where + "event name must be 1 to " + limits.maxEventNameLength()
                    + " characters, was " + (name == null ? "null" : name.length() + " characters"));
        }
    }

    void checkChannels(List<String> channels, String where) {
        if (channels.isEmpty()) {
            throw new HeraldValidationException(where + "an event needs at least one channel");
        }
        if (channels.size() > limits.maxChannelsPerTrigger()) {
            throw new HeraldValidationException(where + "an event goes to at most " + limits.maxChannelsPerTrigger()
                    + " channels, got " + channels.size());
        }
        for (String channel : channels) {
            checkChannel(channel, where);
            if (channels.size() > 1 && ChannelEncryption.isEncrypted(channel)) {
                throw new HeraldValidationException(where + "an event to encrypted channel '" + channel
                        + "' must name that channel alone");
            }
        }
    }

    void checkChannel(String channel, String where) {
        String problem = ChannelName.problem(channel, limits.maxChannelNameLength());
        if (problem != null) {
            throw new HeraldValidationException(where + problem);
        }
    }

    static void checkSocketId(String socketId, String where) {
        if (!SocketId.isValid(socketId)) {
            throw new HeraldValidationException(where + "socket id '" + socketId + "' is malformed; expected digits.digits");
        }
    }
}
