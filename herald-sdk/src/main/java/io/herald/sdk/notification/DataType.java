package io.herald.sdk.notification;

import java.util.Locale;

/** Which field of a version-2 action's {@code data} carries the information: {@code message}, {@code url} or {@code path}. */
public enum DataType {
    MESSAGE,
    URL,
    PATH;

    /** {@code message}, {@code url}, {@code path}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
