package io.herald.sdk.auth;

import io.herald.protocol.Check;
import io.herald.sdk.HeraldValidationException;

/**
 * Who joins a presence channel: the {@code user_id} every member sees and optional
 * {@code user_info} (any object the client's serializer can write, ≤ 1 KB as JSON).
 *
 * @param userId the user's id, unique per user (not per connection)
 * @param userInfo extra details shown to other members, or {@code null}
 */
public record PresenceData(String userId, Object userInfo) {

    /**
     * Checks the member.
     *
     * @param userId the user's id; not blank
     * @param userInfo extra details, or {@code null}
     * @throws HeraldValidationException when the user id is null or blank
     */
    public PresenceData {
        Check.notBlank(userId, "userId", HeraldValidationException::new);
    }

    /**
     * A member without details.
     *
     * @param userId the user's id; not blank
     * @return the member
     * @throws HeraldValidationException when the user id is null or blank
     */
    public static PresenceData of(String userId) {
        return new PresenceData(userId, null);
    }

    /**
     * A member with details shown to the other members.
     *
     * @param userId the user's id; not blank
     * @param userInfo any object the serializer can write, ≤ 1 KB as JSON; or {@code null}
     * @return the member
     * @throws HeraldValidationException when the user id is null or blank
     */
    public static PresenceData of(String userId, Object userInfo) {
        return new PresenceData(userId, userInfo);
    }
}
