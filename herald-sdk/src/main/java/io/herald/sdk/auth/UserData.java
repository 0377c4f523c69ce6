package io.herald.sdk.auth;

import io.herald.protocol.Check;
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

    public UserData {
        Check.notBlank(id, "id");
        watchlist = watchlist == null ? List.of() : List.copyOf(watchlist);
    }

    public static UserData of(String id) {
        return new UserData(id, null, List.of());
    }

    public static UserData of(String id, Object userInfo) {
        return new UserData(id, userInfo, List.of());
    }

    public UserData withWatchlist(List<String> ids) {
        return new UserData(id, userInfo, ids);
    }
}
