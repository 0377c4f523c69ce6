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

    /**
     * {@code Action{ActionType: actionType, Data: data, Sequence: sequence}}.
     *
     * @param actionType what to do
     * @param data with what information
     * @param sequence the action's place in the order, from 1
     * @return the action
     * @throws HeraldValidationException when an argument is null, the sequence is below 1, or a
     *     {@link ActionType#NAVIGATE} has a message instead of a path or URL
     */
    public static NotificationAction of(ActionType actionType, ActionData data, int sequence) {
        return new NotificationAction(actionType, data, sequence);
    }

    /**
     * A toast showing {@code content}.
     *
     * @param sequence the action's place in the order, from 1
     * @param content the text; not blank
     * @param contentType how to style it
     * @return the action
     * @throws HeraldValidationException when the sequence is below 1, the content blank or the type null
     */
    public static NotificationAction toast(int sequence, String content, MessageType contentType) {
        return of(ActionType.TOAST, ActionData.message(content, contentType), sequence);
    }

    /**
     * A message that stays until dismissed.
     *
     * @param sequence the action's place in the order, from 1
     * @param content the text; not blank
     * @param contentType how to style it
     * @return the action
     * @throws HeraldValidationException when the sequence is below 1, the content blank or the type null
     */
    public static NotificationAction info(int sequence, String content, MessageType contentType) {
        return of(ActionType.INFO, ActionData.message(content, contentType), sequence);
    }

    /**
     * Go to a route of the front end, e.g. {@code /dashboard}.
     *
     * @param sequence the action's place in the order, from 1
     * @param path the route; not blank
     * @return the action
     * @throws HeraldValidationException when the sequence is below 1 or the path blank
     */
    public static NotificationAction navigate(int sequence, String path) {
        return of(ActionType.NAVIGATE, ActionData.path(path), sequence);
    }

    /**
     * Offer the file at {@code url}.
     *
     * @param sequence the action's place in the order, from 1
     * @param url the file's URL; not blank
     * @return the action
     * @throws HeraldValidationException when the sequence is below 1 or the URL blank
     */
    public static NotificationAction download(int sequence, String url) {
        return of(ActionType.DOWNLOAD_LINK, ActionData.url(url), sequence);
    }

    /**
     * Play the sound at {@code url}.
     *
     * @param sequence the action's place in the order, from 1
     * @param url the sound's URL; not blank
     * @return the action
     * @throws HeraldValidationException when the sequence is below 1 or the URL blank
     */
    public static NotificationAction audio(int sequence, String url) {
        return of(ActionType.AUDIO_NOTIFICATION, ActionData.url(url), sequence);
    }

    /**
     * Hand {@code meta} to the page, nothing shown.
     *
     * @param sequence the action's place in the order, from 1
     * @param meta the metadata, serialised to JSON; copied
     * @return the action
     * @throws HeraldValidationException when the sequence is below 1 or the metadata null
     */
    public static NotificationAction data(int sequence, Map<String, ?> meta) {
        return of(ActionType.DATA, ActionData.message(NotificationMessage.metaOnly(meta)), sequence);
    }

    /** @return what to do */
    public ActionType actionType() {
        return actionType;
    }

    /** @return with what information */
    public ActionData data() {
        return data;
    }

    /** @return the action's place in the order, 1 or more */
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
