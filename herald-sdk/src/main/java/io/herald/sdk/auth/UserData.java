package io.herald.sdk.auth;

import io.herald.protocol.Check;
import io.herald.sdk.HeraldValidationException;
import java.util.List;

/**
 * The signed-in user of a connection ({@code pusher:signin}): {@code id}, optional
 * {@code user_info} and an optional {@code watchlist} of user ids whose online state the
 * connection follows (at most 100).
 *
 * @param id the user's id
 * @param userInfo details about the user, or {@code null}
 * @param watchlist user ids to watch, or an empty list
 */
public record UserData(String id, Object userInfo, List<String> watchlist) {

    /** Most ids in a watchlist. */
    public static final int MAX_WATCHLIST = 100;

    /**
     * Checks the user and copies the watchlist.
     *
     * @param id the user's id; not blank
     * @param userInfo details about the user, or {@code null}
     * @param watchlist user ids to watch; {@code null} means none
     * @throws HeraldValidationException when the id is null or blank
     */
    public UserData {
        Check.notBlank(id, "id", HeraldValidationException::new);
        watchlist = watchlist == null ? List.of() : List.copyOf(watchlist);
    }

    /**
     * A user without details or watchlist.
     *
     * @param id the user's id; not blank
     * @return the user
     * @throws HeraldValidationException when the id is null or blank
     */
    public static UserData of(String id) {
        return new UserData(id, null, List.of());
    }

    /**
     * A user with details, without watchlist.
     *
     * @param id the user's id; not blank
     * @param userInfo any object the serializer can write, or {@code null}
     * @return the user
     * @throws HeraldValidationException when the id is null or blank
     */
    public static UserData of(String id, Object userInfo) {
        return new UserData(id, userInfo, List.of());
    }

    /**
     * A copy that watches these users' online state.
     *
     * @param ids at most {@link #MAX_WATCHLIST} user ids (checked when signing); {@code null} for none
     * @return the copy; this user is unchanged
     */
    public UserData withWatchlist(List<String> ids) {
        return new UserData(id, userInfo, ids);
    }
}
