package io.herald.sdk.notification;

import io.herald.sdk.HeraldValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a version-2 notification ({@code Action} in the Go package): what to do, with what
 * information, and where in the order (the sequence, from 1, set by the caller). On the wire:
 * {@code {"action_type":"TOAST","data":{…},"sequence":1}}. A {@link ActionType#NAVIGATE} needs a
 * path or URL to go to.
 */
public final class NotificationAction {

    private final ActionType actionType;
    private final ActionData data;
    private final int sequence;

    private NotificationAction(ActionType actionType, ActionData data, int sequence) {
        this.actionType = Require.present(actionType, "actionType");
        this.data = Require.present(data, "data");
        if (sequence < 1) {
            throw new HeraldValidationException("sequence must be 1 or more, was " + sequence);
        }
        if (actionType == ActionType.NAVIGATE && data.type() == DataType.MESSAGE) {
            throw new HeraldValidationException("a NAVIGATE action needs a path or url to go to, its data is a message");
        }
        this.sequence = sequence;
    }

    /** {@code Action{ActionType: actionType, Data: data, Sequence: sequence}}. */
    public static NotificationAction of(ActionType actionType, ActionData data, int sequence) {
        return new NotificationAction(actionType, data, sequence);
    }

    /** A toast showing {@code content}. */
    public static NotificationAction toast(int sequence, String content, MessageType contentType) {
        return of(ActionType.TOAST, ActionData.message(content, contentType), sequence);
    }

    /** A message that stays until dismissed. */
    public static NotificationAction info(int sequence, String content, MessageType contentType) {
        return of(ActionType.INFO, ActionData.message(content, contentType), sequence);
    }

    /** Go to a route of the front end, e.g. {@code /dashboard}. */
    public static NotificationAction navigate(int sequence, String path) {
        return of(ActionType.NAVIGATE, ActionData.path(path), sequence);
    }

    /** Offer the file at {@code url}. */
    public static NotificationAction download(int sequence, String url) {
        return of(ActionType.DOWNLOAD_LINK, ActionData.url(url), sequence);
    }

    /** Play the sound at {@code url}. */
    public static NotificationAction audio(int sequence, String url) {
        return of(ActionType.AUDIO_NOTIFICATION, ActionData.url(url), sequence);
    }

    /** Hand {@code meta} to the page, nothing shown. */
    public static NotificationAction data(int sequence, Map<String, ?> meta) {
        return of(ActionType.DATA, ActionData.message(NotificationMessage.metaOnly(meta)), sequence);
    }

    public ActionType actionType() {
        return actionType;
    }

    public ActionData data() {
        return data;
    }

    public int sequence() {
        return sequence;
    }

    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("action_type", actionType.v2Name());
        wire.put("data", data.toWire());
        wire.put("sequence", sequence);
        return wire;
    }
}
