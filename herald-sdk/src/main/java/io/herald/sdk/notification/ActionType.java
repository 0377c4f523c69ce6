package io.herald.sdk.notification;

import java.util.Locale;

/**
 * What a notification asks the front end to do. The wire value ({@link #wireName()}) is the
 * version-1 event name and the version-2 action {@code type}.
 */
public enum ActionType {
    /** Show a transient message. */
    TOAST,
    /** Offer a file to download. */
    DOWNLOAD_LINK,
    /** Go to another page or route. */
    NAVIGATE,
    /** Show a message that stays until dismissed. */
    INFO,
    /** Play a sound. */
    AUDIO_NOTIFICATION,
    /** Hand structured data to the page, nothing shown. */
    DATA;

    /** {@code toast}, {@code download_link}, {@code navigate}, {@code info}, {@code audio_notification}, {@code data}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
