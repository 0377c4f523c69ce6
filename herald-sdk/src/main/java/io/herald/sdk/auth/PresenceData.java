package io.herald.sdk.auth;

import io.herald.protocol.Check;

/**
 * Who joins a presence channel: the {@code user_id} every member sees and optional
 * {@code user_info} (any object the client's serializer can write, ≤ 1 KB as JSON).
 *
 * @param userId the user's id, unique per user (not per connection)
 * @param userInfo extra details shown to other members, or {@code null}
 */
public record PresenceData(String userId, Object userInfo) {

    public PresenceData {
        Check.notBlank(userId, "userId");
    }

    public static PresenceData of(String userId) {
        return new PresenceData(userId, null);
    }

    public static PresenceData of(String userId, Object userInfo) {
        return new PresenceData(userId, userInfo);
    }
}
