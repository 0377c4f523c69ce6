package io.herald.client;

import java.util.List;

/**
 * Hears {@code pusher_internal:watchlist_events} for the signed-in user's watchlist, like pusher-js's
 * {@code pusher.user.watchlist.bind('online'|'offline', …)}: first the current state right after
 * sign-in, then every change. Called on the client's event thread: return quickly and never block.
 */
public interface WatchlistListener {

    /**
     * These watched users came online (their first signed-in connection).
     *
     * @param userIds the ids, never empty
     */
    default void onOnline(List<String> userIds) {
    }

    /**
     * These watched users went offline (their last signed-in connection closed).
     *
     * @param userIds the ids, never empty
     */
    default void onOffline(List<String> userIds) {
    }
}
