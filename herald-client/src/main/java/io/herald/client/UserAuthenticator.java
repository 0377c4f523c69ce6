package io.herald.client;

import java.util.concurrent.CompletableFuture;

/**
 * Signs a user sign-in for one socket, like pusher-js's {@code userAuthentication}. Implementations must
 * not block the calling thread (the client's event thread): return a future and complete it later.
 *
 * @see HttpUserAuthenticator asks the app's user-auth endpoint, like pusher-js
 * @see LocalUserAuthenticator signs locally with the app secret, for trusted services
 */
@FunctionalInterface
public interface UserAuthenticator {

    /**
     * Signs one sign-in. A failed future (or an exception thrown here) makes the sign-in fail locally:
     * {@link UserListener#onSigninError} hears it with code 0.
     *
     * @param socketId the current connection's socket id
     * @return the signature and the signed user data
     */
    CompletableFuture<UserAuthentication> authenticate(String socketId);
}
