package io.herald.client;

/**
 * Receives events. Called on the client's event thread: return quickly and never block (see
 * {@link HeraldRealtime} for the thread model). An exception thrown here is logged and does not stop
 * delivery to other listeners.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * Receives one event.
     *
     * @param event the event, its data decrypted on encrypted channels
     */
    void onEvent(PusherEvent event);
}
