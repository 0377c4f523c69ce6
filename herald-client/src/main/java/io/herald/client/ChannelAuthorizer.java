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

    /**
     * Signs one subscription. A failed future (or an exception thrown here) makes the subscription fail
     * locally: {@link ChannelListener#onSubscriptionError} hears it with status 0.
     *
     * @param socketId the current connection's socket id
     * @param channelName the channel to sign for
     * @return the signature, with {@code channel_data} for presence and the shared secret for encrypted
     *     channels
     */
    CompletableFuture<AuthorizationResult> authorize(String socketId, String channelName);
}
