package io.herald.client;

import io.herald.protocol.Check;

/**
 * What a user-auth endpoint answers for one socket: the sign-in's {@code pusher:signin} data.
 *
 * @param auth the {@code key:signature} string over {@code socket_id::user::user_data}
 * @param userData the signed JSON text, {@code {"id", "user_info"?, "watchlist"?}}, exactly as signed
 */
public record UserAuthentication(String auth, String userData) {

    /**
     * Checks the answer.
     *
     * @param auth the {@code key:signature} string; not blank
     * @param userData the signed user data as JSON text; not blank
     * @throws IllegalArgumentException when {@code auth} or {@code userData} is null or blank
     */
    public UserAuthentication {
        Check.notBlank(auth, "auth");
        Check.notBlank(userData, "userData");
    }
}
