package io.herald.sdk.notification;

import java.util.Locale;

/**
 * How a front end should style a message: a version-1 message's {@code type} and a version-2
 * message's {@code content_type}. The wire value is {@link #wireName()}.
 */
public enum MessageType {
    /** Something finished well. */
    SUCCESS,
    /** Something needs attention but did not fail. */
    WARNING,
    /** Something failed. */
    FAILURE,
    /** Neutral information. */
    INFO,
    /** Something is still under way; more may follow. */
    IN_PROGRESS,
    /** A plain notification, no outcome implied. */
    NOTIFICATION;

    /** @return {@code success}, {@code warning}, {@code failure}, {@code info}, {@code in_progress} or {@code notification} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
