package io.herald.protocol;

/**
 * The protocol's size and rate limits, per app. {@link #DEFAULT} holds Pusher's values.
 *
 * @param maxEventPayloadBytes largest event {@code data}, in UTF-8 bytes ({@value #DEFAULT_MAX_EVENT_PAYLOAD_BYTES})
 * @param maxChannelsPerTrigger most channels one trigger may name ({@value #DEFAULT_MAX_CHANNELS_PER_TRIGGER})
 * @param maxEventsPerBatch most events in one batch request ({@value #DEFAULT_MAX_EVENTS_PER_BATCH})
 * @param maxPresenceMembers most distinct users in one presence channel ({@value #DEFAULT_MAX_PRESENCE_MEMBERS})
 * @param maxUserInfoBytes largest presence {@code user_info}, in UTF-8 bytes ({@value #DEFAULT_MAX_USER_INFO_BYTES})
 * @param maxUserIdLength longest presence {@code user_id} ({@value #DEFAULT_MAX_USER_ID_LENGTH})
 * @param maxChannelNameLength longest channel name ({@value #DEFAULT_MAX_NAME_LENGTH})
 * @param maxEventNameLength longest event name ({@value #DEFAULT_MAX_NAME_LENGTH})
 * @param clientEventsPerSecond client events one connection may send per second ({@value #DEFAULT_CLIENT_EVENTS_PER_SECOND})
 * @param maxChannelsPerConnection most channels one connection may be subscribed to at once
 *     ({@value #DEFAULT_MAX_CHANNELS_PER_CONNECTION})
 * @param maxChannels most occupied channels of the app on one node ({@value #DEFAULT_MAX_CHANNELS}); past it
 *     a subscription that would create a channel is refused, while existing channels stay joinable
 */
public record Limits(
        int maxEventPayloadBytes,
        int maxChannelsPerTrigger,
        int maxEventsPerBatch,
        int maxPresenceMembers,
        int maxUserInfoBytes,
        int maxUserIdLength,
        int maxChannelNameLength,
        int maxEventNameLength,
        int clientEventsPerSecond,
        int maxChannelsPerConnection,
        int maxChannels) {

    public static final int DEFAULT_MAX_EVENT_PAYLOAD_BYTES = 10 * 1024;
    public static final int DEFAULT_MAX_CHANNELS_PER_TRIGGER = 100;
    public static final int DEFAULT_MAX_EVENTS_PER_BATCH = 10;
    public static final int DEFAULT_MAX_PRESENCE_MEMBERS = 100;
    public static final int DEFAULT_MAX_USER_INFO_BYTES = 1024;
    public static final int DEFAULT_MAX_USER_ID_LENGTH = 128;
    public static final int DEFAULT_MAX_NAME_LENGTH = 200;
    public static final int DEFAULT_CLIENT_EVENTS_PER_SECOND = 10;
    /** Pusher's own limit is 100; other servers use 100 to 128. */
    public static final int DEFAULT_MAX_CHANNELS_PER_CONNECTION = 100;
    /** About 45 MB of heap at ~440 B per channel: far beyond real apps, far below an OutOfMemoryError. */
    public static final int DEFAULT_MAX_CHANNELS = 100_000;

    public static final Limits DEFAULT = new Limits(
            DEFAULT_MAX_EVENT_PAYLOAD_BYTES,
            DEFAULT_MAX_CHANNELS_PER_TRIGGER,
            DEFAULT_MAX_EVENTS_PER_BATCH,
            DEFAULT_MAX_PRESENCE_MEMBERS,
            DEFAULT_MAX_USER_INFO_BYTES,
            DEFAULT_MAX_USER_ID_LENGTH,
            DEFAULT_MAX_NAME_LENGTH,
            DEFAULT_MAX_NAME_LENGTH,
            DEFAULT_CLIENT_EVENTS_PER_SECOND,
            DEFAULT_MAX_CHANNELS_PER_CONNECTION,
            DEFAULT_MAX_CHANNELS);

    public Limits {
        Check.positive(maxEventPayloadBytes, "maxEventPayloadBytes");
        Check.positive(maxChannelsPerTrigger, "maxChannelsPerTrigger");
        Check.positive(maxEventsPerBatch, "maxEventsPerBatch");
        Check.positive(maxPresenceMembers, "maxPresenceMembers");
        Check.positive(maxUserInfoBytes, "maxUserInfoBytes");
        Check.positive(maxUserIdLength, "maxUserIdLength");
        Check.positive(maxChannelNameLength, "maxChannelNameLength");
        Check.positive(maxEventNameLength, "maxEventNameLength");
        Check.positive(clientEventsPerSecond, "clientEventsPerSecond");
        Check.positive(maxChannelsPerConnection, "maxChannelsPerConnection");
        Check.positive(maxChannels, "maxChannels");
    }
}
