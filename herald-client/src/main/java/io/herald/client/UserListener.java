package io.herald.client;

/**
 * Hears how sign-ins turn out. Called on the client's event thread: return quickly and never block
 * (see {@link HeraldRealtime} for the thread model).
 */
public interface UserListener {

    /**
     * The server confirmed the sign-in ({@code pusher:signin_success}); again after every reconnect.
     *
     * @param userId the signed-in user's id
     * @param userData the user data the server confirmed, as JSON text
     */
    default void onSignedIn(String userId, String userData) {
    }

    /**
     * The sign-in failed. {@code code} is the server's {@code pusher:error} code (4009 for a bad
     * signature, after which the server closes the connection and the client stays {@code FAILED};
     * 4302 for a watchlist over the limit), or 0 when it failed locally: no or a failing
     * {@link UserAuthenticator}, or an unusable answer.
     *
     * @param code the server's error code, or 0 for a local failure
     * @param message why, for people
     */
    default void onSigninError(int code, String message) {
    }
}
