package io.herald.client;

/**
 * Hears about a channel's subscription. Called on the client's event thread: return quickly and never
 * block. Every method has a no-op default, so implement only what you need.
 */
public interface ChannelListener {

    /**
     * The server confirmed the subscription (again after every reconnect).
     *
     * @param channel the channel now subscribed
     */
    default void onSubscribed(Channel channel) {
    }

    /**
     * The subscription failed: the server answered {@code pusher:subscription_error} (with its HTTP-like
     * {@code status}, e.g. 401), or authorization failed locally ({@code status} 0).
     *
     * @param channel the channel that is not subscribed
     * @param status the server's status, or 0 when the failure was local
     * @param message why, for people
     */
    default void onSubscriptionError(Channel channel, int status, String message) {
    }

    /**
     * An event on an encrypted channel could not be decrypted with the channel's shared secret, even
     * after fetching a fresh one; the event is dropped.
     *
     * @param channel the encrypted channel
     * @param event the name of the dropped event
     * @param reason why it could not be decrypted
     */
    default void onDecryptionFailure(Channel channel, String event, String reason) {
    }
}
