package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.sdk.notification.ActionData;
import io.herald.sdk.notification.ActionType;
import io.herald.sdk.notification.DataType;
import io.herald.sdk.notification.MessageType;
import io.herald.sdk.notification.NotificationAction;
import io.herald.sdk.notification.NotificationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads version-2 actions written as the Go notification package marshals them
 * ({@code [{"action_type":"TOAST","data":{"type":"message","message":{"content":"…","content_type":"success"}},"sequence":1}]}),
 * so the SDK's checks apply to them as to actions built in Java. Fields left out are empty, as in Go.
 */
final class NotificationJson {

    private NotificationJson() {
    }

    /** The actions of a JSON array, or of the {@code actions} of a whole notification object. */
    static List<NotificationAction> actions(JsonNode json, String what) {
        JsonNode list = json.isObject() ? json.path("actions") : json;
        if (!list.isArray()) {
            throw new CliException(what + " must be a JSON array of actions, or an object with \"actions\"");
        }
        List<NotificationAction> actions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            actions.add(action(list.get(i), what + "[" + i + "]"));
        }
        return actions;
    }

    /** A Go {@code Meta} (a JSON object) as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(JsonNode json, String what) {
        if (!json.isObject()) {
            throw new CliException(what + " must be a JSON object");
        }
        return Json.MAPPER.convertValue(json, Map.class);
    }

    private static NotificationAction action(JsonNode action, String what) {
        ActionType type = actionType(text(action, "action_type", what), what);
        if (!action.path("sequence").canConvertToExactIntegral()) {
            throw new CliException(what + ".sequence must be a whole number");
        }
        return NotificationAction.of(type, data(action.path("data"), what + ".data"), action.path("sequence").asInt());
    }

    private static ActionData data(JsonNode data, String what) {
        NotificationMessage message = message(data.path("message"), what + ".message");
        return switch (named(DataType.values(), text(data, "type", what), what + ".type")) {
            case MESSAGE -> ActionData.message(message);
            case URL -> withMessage(ActionData.url(data.path("url").asText()), message);
            case PATH -> withMessage(ActionData.path(data.path("path").asText()), message);
        };
    }

    /** The message, or {@code null} when it has neither content nor meta. */
    private static NotificationMessage message(JsonNode message, String what) {
        String content = message.path("content").asText("");
        JsonNode meta = message.path("meta");
        boolean hasMeta = meta.isObject();
        if (content.isEmpty()) {
            return hasMeta ? NotificationMessage.metaOnly(meta(meta, what + ".meta")) : null;
        }
        String style = message.path("content_type").asText("");
        if (style.isEmpty()) {
            throw new CliException(what + ".content_type is missing: one of success, warning, failure, info, in_progress, notification");
        }
        NotificationMessage m = NotificationMessage.of(content, named(MessageType.values(), style, what + ".content_type"));
        return hasMeta ? m.withMeta(meta(meta, what + ".meta")) : m;
    }

    private static ActionData withMessage(ActionData data, NotificationMessage message) {
        return message == null ? data : data.withMessage(message);
    }

    private static ActionType actionType(String name, String what) {
        for (ActionType type : ActionType.values()) {
            if (type.v1Name().equalsIgnoreCase(name) || type.v2Name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new CliException(what + ".action_type '" + name + "' is not one of TOAST, DOWNLOAD, NAVIGATE, INFO, AUDIO_NOTIFICATION, DATA");
    }

    private static <E extends Enum<E>> E named(E[] values, String name, String what) {
        for (E value : values) {
            if (value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new CliException(what + " '" + name + "' is not one of "
                + String.join(", ", java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()));
    }

    private static String text(JsonNode node, String field, String what) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new CliException(what + "." + field + " is missing");
        }
        return value;
    }
}
