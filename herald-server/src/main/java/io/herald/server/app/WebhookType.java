package io.herald.server.app;

import java.util.Locale;

/** The webhook event types, named on the wire and in configuration as {@link #wireName()}. */
public enum WebhookType {
    CHANNEL_OCCUPIED,
    CHANNEL_VACATED,
    MEMBER_ADDED,
    MEMBER_REMOVED,
    CLIENT_EVENT,
    CACHE_MISS,
    SUBSCRIPTION_COUNT;

    /** {@code channel_occupied}, {@code member_added}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code wireName}, or {@code null}. */
    public static WebhookType fromWireName(String wireName) {
        for (WebhookType type : values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        return null;
    }
}
