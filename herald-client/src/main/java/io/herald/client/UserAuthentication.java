package io.herald.client;

import io.herald.protocol.Check;

/**
 * What a user-auth endpoint answers for one socket: the sign-in's {@code pusher:signin} data.
 *
 * @param auth the {@code key:signature} string over {@code socket_id::user::user_data}
 * @param userData the signed JSON text, {@code {"id", "user_info"?, "watchlist"?}}, exactly as signed
 */
public record UserAuthentication(String auth, String userData) {

    public UserAuthentication {
        Check.notBlank(auth, "auth");
        Check.notBlank(userData, "userData");
    }
}
