package io.herald.sdk.notification;

import java.util.Locale;

/** Which field of a version-2 action's {@code data} carries the information: {@code message}, {@code url} or {@code path}. */
public enum DataType {
    /** The action's {@code message} carries it: text to show, or metadata. */
    MESSAGE,
    /** The action's {@code url} carries it: a file, a sound, an external page. */
    URL,
    /** The action's {@code path} carries it: a route of the front end. */
    PATH;

    /** @return {@code message}, {@code url} or {@code path} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
