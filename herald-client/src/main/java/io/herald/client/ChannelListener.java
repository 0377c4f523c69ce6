package io.herald.client;

/**
 * Hears about a channel's subscription. Called on the client's event thread: return quickly and never
 * block. Every method has a no-op default, so implement only what you need.
 */
public interface ChannelListener {

    /** The server confirmed the subscription (again after every reconnect). */
    default void onSubscribed(Channel channel) {
    }

    /**
     * The subscription failed: the server answered {@code pusher:subscription_error} (with its HTTP-like
     * {@code status}, e.g. 401), or authorization failed locally ({@code status} 0).
     */
    default void onSubscriptionError(Channel channel, int status, String message) {
    }

    /** An event on an encrypted channel could not be decrypted with the channel's shared secret. */
    default void onDecryptionFailure(Channel channel, String event, String reason) {
    }
}
