package io.herald.sdk.notification;

import io.herald.sdk.HeraldValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The information of a version-2 action ({@code Data} in the Go package): its {@link DataType} says
 * which of {@code message}, {@code url} and {@code path} the front end reads. The others go on the
 * wire empty, as the Go package marshals them:
 * {@code {"type":"path","url":"","path":"/dashboard","message":{"content":"","content_type":"","meta":null,"is_meta_exist":false}}}.
 */
public final class ActionData {

    private final DataType type;
    private final String url;
    private final String path;
    private final NotificationMessage message;

    private ActionData(DataType type, String url, String path, NotificationMessage message) {
        this.type = type;
        this.url = url;
        this.path = path;
        this.message = message;
    }

    /**
     * {@code Data{Type: MessageDataType, Message: message}}.
     *
     * @param message the message; needs content or meta
     * @return the data
     * @throws HeraldValidationException when the message is null or has neither content nor meta
     */
    public static ActionData message(NotificationMessage message) {
        NotificationMessage m = Require.present(message, "message");
        if (m.isEmpty()) {
            throw new HeraldValidationException("a message needs content or meta");
        }
        return new ActionData(DataType.MESSAGE, "", "", m);
    }

    /**
     * {@code Data{Type: MessageDataType, Message: Message{Content: content, ContentType: contentType}}}.
     *
     * @param content the text; not blank
     * @param contentType how to style it; not null
     * @return the data
     * @throws HeraldValidationException when the content is blank or the type null
     */
    public static ActionData message(String content, MessageType contentType) {
        return message(NotificationMessage.of(content, contentType));
    }

    /**
     * {@code Data{Type: URLDataType, Url: url}}: a download, a sound, an external page.
     *
     * @param url the URL, sent as given; not blank
     * @return the data
     * @throws HeraldValidationException when the URL is blank
     */
    public static ActionData url(String url) {
        return new ActionData(DataType.URL, Require.text(url, "url"), "", NotificationMessage.NONE);
    }

    /**
     * {@code Data{Type: PathDataType, Path: path}}: a route of the front end, e.g. {@code /dashboard}.
     *
     * @param path the route; not blank
     * @return the data
     * @throws HeraldValidationException when the path is blank
     */
    public static ActionData path(String path) {
        return new ActionData(DataType.PATH, "", Require.text(path, "path"), NotificationMessage.NONE);
    }

    /**
     * A copy that also carries {@code message} (e.g. a caption for a download link).
     *
     * @param message the message; not null
     * @return the copy; this data is unchanged
     * @throws HeraldValidationException when the message is null
     */
    public ActionData withMessage(NotificationMessage message) {
        return new ActionData(type, url, path, Require.present(message, "message"));
    }

    /** @return which field the front end reads */
    public DataType type() {
        return type;
    }

    /** @return the URL, {@code ""} when none */
    public String url() {
        return url;
    }

    /** @return the path, {@code ""} when none */
    public String path() {
        return path;
    }

    /** @return the message; an empty one (no content, type or meta) when none */
    public NotificationMessage message() {
        return message;
    }

    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", type.wireName());
        wire.put("url", url);
        wire.put("path", path);
        wire.put("message", message.toWire());
        return wire;
    }
}
