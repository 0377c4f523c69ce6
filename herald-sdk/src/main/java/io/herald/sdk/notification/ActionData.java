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

    /** {@code Data{Type: MessageDataType, Message: message}}. */
    public static ActionData message(NotificationMessage message) {
        NotificationMessage m = Require.present(message, "message");
        if (m.isEmpty()) {
            throw new HeraldValidationException("a message needs content or meta");
        }
        return new ActionData(DataType.MESSAGE, "", "", m);
    }

    /** {@code Data{Type: MessageDataType, Message: Message{Content: content, ContentType: contentType}}}. */
    public static ActionData message(String content, MessageType contentType) {
        return message(NotificationMessage.of(content, contentType));
    }

    /** {@code Data{Type: URLDataType, Url: url}}: a download, a sound, an external page. */
    public static ActionData url(String url) {
        return new ActionData(DataType.URL, Require.text(url, "url"), "", NotificationMessage.NONE);
    }

    /** {@code Data{Type: PathDataType, Path: path}}: a route of the front end, e.g. {@code /dashboard}. */
    public static ActionData path(String path) {
        return new ActionData(DataType.PATH, "", Require.text(path, "path"), NotificationMessage.NONE);
    }

    /** A copy that also carries {@code message} (e.g. a caption for a download link). */
    public ActionData withMessage(NotificationMessage message) {
        return new ActionData(type, url, path, Require.present(message, "message"));
    }

    public DataType type() {
        return type;
    }

    /** The URL, {@code ""} when none. */
    public String url() {
        return url;
    }

    /** The path, {@code ""} when none. */
    public String path() {
        return path;
    }

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
