package io.herald.sdk.notification;

import io.herald.protocol.Check;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a notification asks the front end to do, with its type-specific payload. Create with
 * the static factories; add optional fields with {@link #with(String, Object)}.
 *
 * <table>
 * <caption>payload fields per type</caption>
 * <tr><th>type</th><th>required</th><th>optional (via {@code with})</th></tr>
 * <tr><td>toast</td><td>message</td><td>title, durationMs</td></tr>
 * <tr><td>download_link</td><td>url, fileName</td><td>message, mimeType</td></tr>
 * <tr><td>navigate</td><td>url</td><td>newTab, message</td></tr>
 * <tr><td>info</td><td>message</td><td>title</td></tr>
 * <tr><td>audio_notification</td><td>sound</td><td>message, volume</td></tr>
 * <tr><td>data</td><td>data</td><td>—</td></tr>
 * </table>
 */
public final class NotificationAction {

    private final ActionType type;
    private final Map<String, Object> payload;

    private NotificationAction(ActionType type, Map<String, Object> payload) {
        this.type = type;
        this.payload = Collections.unmodifiableMap(payload);
    }

    public static NotificationAction toast(String message) {
        return of(ActionType.TOAST, "message", Check.notBlank(message, "message"));
    }

    public static NotificationAction toast(String title, String message) {
        return toast(message).with("title", title);
    }

    public static NotificationAction downloadLink(String url, String fileName) {
        return of(ActionType.DOWNLOAD_LINK, "url", Check.notBlank(url, "url"))
                .with("fileName", Check.notBlank(fileName, "fileName"));
    }

    public static NotificationAction navigate(String url) {
        return of(ActionType.NAVIGATE, "url", Check.notBlank(url, "url"));
    }

    public static NotificationAction info(String message) {
        return of(ActionType.INFO, "message", Check.notBlank(message, "message"));
    }

    /** @param sound a sound name the front end knows, or a URL */
    public static NotificationAction audio(String sound) {
        return of(ActionType.AUDIO_NOTIFICATION, "sound", Check.notBlank(sound, "sound"));
    }

    /** @param data any object the client's serializer can write */
    public static NotificationAction data(Object data) {
        return of(ActionType.DATA, "data", Check.notNull(data, "data"));
    }

    /** A copy with one more payload field; {@code null} values are left out. */
    public NotificationAction with(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(payload);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(Check.notBlank(field, "field"), value);
        }
        return new NotificationAction(type, copy);
    }

    public ActionType type() {
        return type;
    }

    /** The payload fields in insertion order. */
    public Map<String, Object> payload() {
        return payload;
    }

    private static NotificationAction of(ActionType type, String field, Object value) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(field, value);
        return new NotificationAction(type, payload);
    }
}
