package io.herald.sdk.notification;

/** The {@code event_type} of a version-2 notification; the Go package defines only {@code CUSTOM}. */
public enum EventKind {
    /** An app-defined notification: the only kind the Go package has. */
    CUSTOM
}
