package io.herald.sdk.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message of a version-2 action ({@code Message} in the Go package): text, how to style it, and
 * optional metadata for the front end. On the wire:
 * {@code {"content":"…","content_type":"success","meta":null,"is_meta_exist":false}}.
 */
public final class NotificationMessage {

    /** The message of an action that carries none: empty content and type, no metadata. */
    static final NotificationMessage NONE = new NotificationMessage("", null, null);

    private final String content;
    private final MessageType contentType;
    private final Map<String, Object> meta;

    private NotificationMessage(String content, MessageType contentType, Map<String, Object> meta) {
        this.content = content;
        this.contentType = contentType;
        this.meta = meta;
    }

    /**
     * A message with {@code content} styled as {@code contentType}.
     *
     * @param content the text; not blank
     * @param contentType how to style it; not null
     * @return the message
     * @throws io.herald.sdk.HeraldValidationException when the content is blank or the type null
     */
    public static NotificationMessage of(String content, MessageType contentType) {
        return new NotificationMessage(Require.text(content, "content"), Require.present(contentType, "contentType"), null);
    }

    /**
     * Metadata only, for a {@link ActionType#DATA} action: no text, no style.
     *
     * @param meta the metadata, serialised to JSON; copied
     * @return the message
     * @throws io.herald.sdk.HeraldValidationException when the metadata is null
     */
    public static NotificationMessage metaOnly(Map<String, ?> meta) {
        return NONE.withMeta(meta);
    }

    /**
     * A copy carrying {@code meta} (sent as {@code meta}, with {@code is_meta_exist: true}).
     *
     * @param meta the metadata, serialised to JSON; copied
     * @return the copy; this message is unchanged
     * @throws io.herald.sdk.HeraldValidationException when the metadata is null
     */
    public NotificationMessage withMeta(Map<String, ?> meta) {
        return new NotificationMessage(content, contentType,
                Collections.unmodifiableMap(new LinkedHashMap<>(Require.present(meta, "meta"))));
    }

    /** @return the text, {@code ""} for a metadata-only message */
    public String content() {
        return content;
    }

    /** @return the style, or {@code null} (sent as {@code ""}) for a metadata-only message */
    public MessageType contentType() {
        return contentType;
    }

    /** @return the metadata, unmodifiable, or {@code null} when there is none */
    public Map<String, Object> meta() {
        return meta;
    }

    boolean isEmpty() {
        return content.isEmpty() && meta == null;
    }

    Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("content", content);
        wire.put("content_type", contentType == null ? "" : contentType.wireName());
        wire.put("meta", meta);
        wire.put("is_meta_exist", meta != null);
        return wire;
    }
}
