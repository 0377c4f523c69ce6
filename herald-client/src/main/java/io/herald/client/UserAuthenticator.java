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

    CompletableFuture<UserAuthentication> authenticate(String socketId);
}
