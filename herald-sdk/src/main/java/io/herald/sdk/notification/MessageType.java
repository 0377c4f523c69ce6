package io.herald.sdk.notification;

import java.util.Locale;

/**
 * How a front end should style a message: a version-1 message's {@code type} and a version-2
 * message's {@code content_type}. The wire value is {@link #wireName()}.
 */
public enum MessageType {
    SUCCESS,
    WARNING,
    FAILURE,
    INFO,
    IN_PROGRESS,
    NOTIFICATION;

    /** {@code success}, {@code warning}, {@code failure}, {@code info}, {@code in_progress}, {@code notification}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
