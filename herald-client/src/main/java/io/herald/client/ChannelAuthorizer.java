package io.herald.client;

import java.util.concurrent.CompletableFuture;

/**
 * Signs a subscription to a private, presence or encrypted channel for one socket. Implementations must
 * not block the calling thread (the client's event thread): return a future and complete it later.
 *
 * @see HttpChannelAuthorizer asks the app's auth endpoint, like pusher-js
 * @see LocalChannelAuthorizer signs locally with the app secret, for trusted services
 */
@FunctionalInterface
public interface ChannelAuthorizer {

    CompletableFuture<AuthorizationResult> authorize(String socketId, String channelName);
}
