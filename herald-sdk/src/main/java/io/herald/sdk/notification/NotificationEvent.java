package io.herald.sdk.notification;

import io.herald.sdk.HeraldValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structured UI notification as the Go notification package built on Pusher sends it, ready for
 * {@link io.herald.sdk.HeraldRest#sendNotification(String, String, NotificationEvent)}. The caller
 * names the event; the event's data is the whole notification, field for field as the Go package
 * marshals it, so front ends written for it read Herald's unchanged.
 *
 * <p><b>Version 1</b> ({@link #toast}, {@link #download}; Go's {@code NewToastEvent},
 * {@code NewDownloadEvent}) carries one message and maybe a link:
 * <pre>{@code {"event_name":"notification_event","event_type":"TOAST",
 *  "data":{"message":{"type":"success","content":"Hello World!","info":null},"link":""},"is_last_response":true}}</pre>
 *
 * <p><b>Version 2</b> ({@link #of}; Go's {@code NewNotificationEvent}) carries actions in the order
 * of their caller-set sequence numbers:
 * <pre>{@code {"event_name":"custom_event","event_type":"CUSTOM","is_last_response":true,
 *  "actions":[{"action_type":"TOAST","data":{…},"sequence":1}, …]}}</pre>
 *
 * <p>{@code is_last_response: false} tells the front end more will follow on the subscription;
 * {@code true} that it may drop it. Bad input is a {@link HeraldValidationException}. Instances are
 * immutable.
 *
 * <pre>{@code
 * HeraldRest herald = HeraldRest.fromUrl("http://app-key:app-secret@127.0.0.1:6001/apps/1");
 * NotificationEvent started = NotificationEvent.toast("export_event", "Export started", MessageType.IN_PROGRESS)
 *         .lastResponse(false);
 * herald.sendNotification("private-notifications", "user-42", started); // on private-notifications-user-42
 * NotificationEvent done = NotificationEvent.of("export_event", true,
 *         NotificationAction.toast(1, "Your export is ready", MessageType.SUCCESS),
 *         NotificationAction.download(2, "https://example.com/exports/42.csv"));
 * herald.sendNotification("private-notifications", "user-42", done);
 * }</pre>
 */
public final class NotificationEvent {

    private final String eventName;
    private final Map<String, Object> data;

    private NotificationEvent(String eventName, Map<String, Object> data) {
        this.eventName = eventName;
        this.data = Collections.unmodifiableMap(data);
    }

    /**
     * A version-1 toast ({@code NewToastEvent}): shows {@code content} styled as {@code type}.
     *
     * @param eventName the name the event is triggered with; not blank
     * @param content the text; not blank
     * @param type how to style it; not null
     * @param info values sent as the message's {@code info} list ({@code null} when none)
     * @return the notification, with {@code is_last_response: true}
     * @throws HeraldValidationException when a required argument is blank or null
     */
    public static NotificationEvent toast(String eventName, String content, MessageType type, Object... info) {
        return v1(eventName, ActionType.TOAST, content, "", type, info);
    }

    /**
     * A version-1 download link ({@code NewDownloadEvent}): {@code content} with the file at {@code link}.
     *
     * @param eventName the name the event is triggered with; not blank
     * @param content the text; not blank
     * @param link the file's URL; not blank
     * @param type how to style it; not null
     * @param info values sent as the message's {@code info} list ({@code null} when none)
     * @return the notification, with {@code is_last_response: true}
     * @throws HeraldValidationException when a required argument is blank or null
     */
    public static NotificationEvent download(String eventName, String content, String link, MessageType type, Object... info) {
        return v1(eventName, ActionType.DOWNLOAD_LINK, content, Require.text(link, "link"), type, info);
    }

    /**
     * A version-2 notification ({@code NewNotificationEvent}) of {@code actions}, in the order given.
     *
     * @param eventName the name the event is triggered with; not blank
     * @param kind the {@code event_type}
     * @param isLastResponse false while more notifications of the exchange follow
     * @param actions one or more, each with its own sequence number
     * @return the notification
     * @throws HeraldValidationException when the name is blank, the kind null, there are no actions, one is
     *     null or two share a sequence number
     */
    public static NotificationEvent of(String eventName, EventKind kind, boolean isLastResponse, List<NotificationAction> actions) {
        Require.text(eventName, "eventName");
        Require.present(kind, "kind");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event_name", eventName);
        data.put("event_type", kind.name());
        data.put("is_last_response", isLastResponse);
        data.put("actions", wireActions(actions));
        return new NotificationEvent(eventName, data);
    }

    /**
     * A version-2 {@link EventKind#CUSTOM} notification of {@code actions}.
     *
     * @param eventName the name the event is triggered with; not blank
     * @param isLastResponse false while more notifications of the exchange follow
     * @param actions one or more, each with its own sequence number
     * @return the notification
     * @throws HeraldValidationException when the name is blank, there are no actions, one is null or two
     *     share a sequence number
     */
    public static NotificationEvent of(String eventName, boolean isLastResponse, NotificationAction... actions) {
        return of(eventName, EventKind.CUSTOM, isLastResponse, actions == null ? null : Arrays.asList(actions));
    }

    /**
     * A copy with {@code is_last_response} set.
     *
     * @param isLastResponse false while more notifications of the exchange follow
     * @return the copy; this notification is unchanged
     */
    public NotificationEvent lastResponse(boolean isLastResponse) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put("is_last_response", isLastResponse);
        return new NotificationEvent(eventName, copy);
    }

    /** @return the name the event is triggered with, chosen by the caller */
    public String eventName() {
        return eventName;
    }

    /** @return the {@code is_last_response} flag: true when the front end may drop the subscription */
    public boolean isLastResponse() {
        return (Boolean) data.get("is_last_response");
    }

    /** @return the event data, unmodifiable, serialised to JSON when sent */
    public Map<String, Object> data() {
        return data;
    }

    /**
     * Per-recipient channel naming, as the Go package's.
     *
     * @param channel the channel prefix; not blank
     * @param recipientId the recipient; not blank
     * @return {@code {channel}-{recipientId}}
     * @throws HeraldValidationException when either is blank
     */
    public static String recipientChannel(String channel, String recipientId) {
        return Require.text(channel, "channel") + "-" + Require.text(recipientId, "recipientId");
    }

    private static NotificationEvent v1(String eventName, ActionType type, String content, String link,
            MessageType messageType, Object[] info) {
        Require.text(eventName, "eventName");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", Require.present(messageType, "messageType").wireName());
        message.put("content", Require.text(content, "content"));
        message.put("info", info == null || info.length == 0 ? null : Collections.unmodifiableList(Arrays.asList(info.clone())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("link", link);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event_name", eventName);
        data.put("event_type", type.v1Name());
        data.put("data", body);
        data.put("is_last_response", true);
        return new NotificationEvent(eventName, data);
    }

    private static List<Map<String, Object>> wireActions(List<NotificationAction> actions) {
        if (actions == null || actions.isEmpty()) {
            throw new HeraldValidationException("actions must not be empty");
        }
        Set<Integer> sequences = new HashSet<>();
        List<Map<String, Object>> wire = new ArrayList<>();
        for (NotificationAction action : actions) {
            Require.present(action, "action");
            if (!sequences.add(action.sequence())) {
                throw new HeraldValidationException("sequence " + action.sequence() + " is used by more than one action");
            }
            wire.add(action.toWire());
        }
        return wire;
    }
}
