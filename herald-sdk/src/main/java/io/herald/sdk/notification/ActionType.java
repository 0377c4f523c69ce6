package io.herald.sdk.notification;

/**
 * What a notification asks the front end to do: the {@code event_type} of a version-1 event and the
 * {@code action_type} of a version-2 action. Wire values are the Go package's constants, which name
 * the download differently in the two versions ({@link #v1Name()}, {@link #v2Name()}).
 */
public enum ActionType {
    /** Show a transient message. */
    TOAST("TOAST"),
    /** Offer a file to download: {@code DOWNLOAD_LINK} in version 1, {@code DOWNLOAD} in version 2. */
    DOWNLOAD_LINK("DOWNLOAD"),
    /** Go to another page or route. */
    NAVIGATE("NAVIGATE"),
    /** Show a message that stays until dismissed. */
    INFO("INFO"),
    /** Play a sound. */
    AUDIO_NOTIFICATION("AUDIO_NOTIFICATION"),
    /** Hand structured data to the page, nothing shown. */
    DATA("DATA");

    private final String v2Name;

    ActionType(String v2Name) {
        this.v2Name = v2Name;
    }

    /** @return the version-1 {@code event_type}: the constant's name */
    public String v1Name() {
        return name();
    }

    /** @return the version-2 {@code action_type}: the constant's name, except {@code DOWNLOAD} for a download */
    public String v2Name() {
        return v2Name;
    }
}
