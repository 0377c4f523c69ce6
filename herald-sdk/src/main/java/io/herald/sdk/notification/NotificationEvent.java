package io.herald.sdk.notification;

import io.herald.protocol.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A structured UI notification, ready to send with
 * {@link io.herald.sdk.HeraldRest#sendNotification(String, String, NotificationEvent)}.
 *
 * <p><b>Version 1</b> ({@link #of}) carries one action; the event name is the action type and the
 * data is flat:
 * <pre>{@code {"version":1,"type":"toast","messageType":"success","isLastResponse":true,"title":"Saved","message":"Order 42 saved"}}</pre>
 *
 * <p><b>Version 2</b> ({@link #v2}) carries ordered actions, each with its sequence number (from 1)
 * and payload; the event name is {@value #V2_EVENT}:
 * <pre>{@code {"version":2,"messageType":"in_progress","isLastResponse":false,
 *  "actions":[{"sequence":1,"type":"toast","payload":{"message":"Export running"}},
 *             {"sequence":2,"type":"data","payload":{"data":{"progress":40}}}]}}</pre>
 */
public final class NotificationEvent {

    /** The event name of every version-2 notification. */
    public static final String V2_EVENT = "notification";

    private final String eventName;
    private final Map<String, Object> data;

    private NotificationEvent(String eventName, Map<String, Object> data) {
        this.eventName = eventName;
        this.data = Collections.unmodifiableMap(data);
    }

    /** A version-1 notification of one action. */
    public static NotificationEvent of(MessageType messageType, NotificationAction action, boolean isLastResponse) {
        Check.notNull(messageType, "messageType");
        Check.notNull(action, "action");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", 1);
        data.put("type", action.type().wireName());
        data.put("messageType", messageType.wireName());
        data.put("isLastResponse", isLastResponse);
        action.payload().forEach(data::putIfAbsent);
        return new NotificationEvent(action.type().wireName(), data);
    }

    /** A version-1 notification that ends the exchange ({@code isLastResponse: true}). */
    public static NotificationEvent of(MessageType messageType, NotificationAction action) {
        return of(messageType, action, true);
    }

    /** Starts a version-2 notification. */
    public static V2Builder v2(MessageType messageType) {
        return new V2Builder(Check.notNull(messageType, "messageType"));
    }

    /** The name the event is triggered with. */
    public String eventName() {
        return eventName;
    }

    /** The event data, serialised to JSON when sent. */
    public Map<String, Object> data() {
        return data;
    }

    /** Per-recipient channel naming: {@code {channel}-{recipientId}}. */
    public static String recipientChannel(String channel, String recipientId) {
        return Check.notBlank(channel, "channel") + "-" + Check.notBlank(recipientId, "recipientId");
    }

    /** Collects the ordered actions of a version-2 notification; sequence numbers follow the order added. */
    public static final class V2Builder {

        private final MessageType messageType;
        private final List<NotificationAction> actions = new ArrayList<>();
        private boolean isLastResponse = true;

        private V2Builder(MessageType messageType) {
            this.messageType = messageType;
        }

        public V2Builder action(NotificationAction action) {
            actions.add(Check.notNull(action, "action"));
            return this;
        }

        /** False while more notifications of the same exchange will follow (default true). */
        public V2Builder lastResponse(boolean isLastResponse) {
            this.isLastResponse = isLastResponse;
            return this;
        }

        public NotificationEvent build() {
            if (actions.isEmpty()) {
                throw new IllegalArgumentException("actions must not be empty");
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                Map<String, Object> action = new LinkedHashMap<>();
                action.put("sequence", i + 1);
                action.put("type", actions.get(i).type().wireName());
                action.put("payload", actions.get(i).payload());
                list.add(action);
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("version", 2);
            data.put("messageType", messageType.wireName());
            data.put("isLastResponse", isLastResponse);
            data.put("actions", list);
            return new NotificationEvent(V2_EVENT, data);
        }
    }
}
