package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.client.internal.Callbacks;
import io.herald.client.internal.Frames;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.PusherEvents;
import io.herald.protocol.crypto.EncryptedPayload;
import io.herald.protocol.crypto.SharedSecret;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel this client subscribed to, from {@link HeraldRealtime#subscribe(String)}. It stays subscribed
 * across reconnects until {@link HeraldRealtime#unsubscribe(String)}. Binding methods may be called from
 * any thread; listeners run on the client's event thread.
 */
public class Channel {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HeraldRealtime client;
    private final String name;
    private final ChannelType type;
    private final EventBindings bindings = new EventBindings();
    private final List<ChannelListener> channelListeners = new CopyOnWriteArrayList<>();
    private volatile boolean subscribed;
    private byte[] sharedSecret; // event thread only
    private Object requestedOn; // event thread only: the connection the last subscribe went out on

    Channel(HeraldRealtime client, String name) {
        this.client = client;
        this.name = name;
        this.type = ChannelName.typeOf(name);
    }

    /** @return the channel's name, as subscribed */
    public String name() {
        return name;
    }

    /** @return the kind of channel its name's prefix makes it (public, private, presence, encrypted…) */
    public ChannelType type() {
        return type;
    }

    /** @return true once the server confirmed the subscription on the current connection */
    public boolean isSubscribed() {
        return subscribed;
    }

    /**
     * Calls {@code listener} for every event named {@code event} on this channel.
     *
     * @param event the event name, e.g. {@code order-placed}
     * @param listener called on the client's event thread
     * @return this channel
     */
    public Channel bind(String event, EventListener listener) {
        bindings.bind(event, listener);
        return this;
    }

    /**
     * Removes a listener bound with {@link #bind(String, EventListener)}.
     *
     * @param event the event name it was bound to
     * @param listener the listener to remove
     * @return this channel
     */
    public Channel unbind(String event, EventListener listener) {
        bindings.unbind(event, listener);
        return this;
    }

    /**
     * Calls {@code listener} for every event on this channel, the protocol's own included.
     *
     * @param listener called on the client's event thread
     * @return this channel
     */
    public Channel bindGlobal(EventListener listener) {
        bindings.bindGlobal(listener);
        return this;
    }

    /**
     * Removes a listener bound with {@link #bindGlobal(EventListener)}.
     *
     * @param listener the listener to remove
     * @return this channel
     */
    public Channel unbindGlobal(EventListener listener) {
        bindings.unbindGlobal(listener);
        return this;
    }

    /**
     * Adds a listener for the subscription's outcome (after every reconnect too) and decryption failures.
     *
     * @param listener called on the client's event thread
     * @return this channel
     */
    public Channel addListener(ChannelListener listener) {
        channelListeners.add(listener);
        return this;
    }

    /**
     * Removes a channel listener added before; unknown ones are ignored.
     *
     * @param listener the listener to remove
     * @return this channel
     */
    public Channel removeListener(ChannelListener listener) {
        channelListeners.remove(listener);
        return this;
    }

    /**
     * Sends a client event to the channel's other subscribers (never back to this client). Only on
     * private and presence channels the server confirmed, and only when the app allows client events.
     * The event is queued and sent from the event thread; a connection lost meanwhile drops it.
     *
     * @param event the event name, starting with {@code client-}
     * @param data any value Jackson can serialise; receivers get a string as is and anything else as
     *     its JSON text in {@link PusherEvent#data()}
     * @throws IllegalArgumentException when {@code event} does not start with {@code client-}
     * @throws IllegalStateException on a public or encrypted channel, or before the subscription succeeded
     */
    public void trigger(String event, Object data) {
        if (!PusherEvents.isClientEvent(event)) {
            throw new IllegalArgumentException("event must start with 'client-', was '" + event + "'");
        }
        if (type != ChannelType.PRIVATE && type != ChannelType.PRESENCE) {
            throw new IllegalStateException("client events need a private or presence channel, not " + name);
        }
        if (!subscribed) {
            throw new IllegalStateException("not subscribed to " + name + " yet");
        }
        client.sendClientEvent(this, event, JSON.valueToTree(data));
    }

    @Override
    public String toString() {
        return "Channel[" + name + (subscribed ? ", subscribed" : "") + "]";
    }

    // Everything below runs on the client's event thread.

    /**
     * True the first time it is called for {@code connection}: a channel added while the connection is
     * being established would otherwise be subscribed both by the renewal and by its own request.
     */
    boolean requestOnce(Object connection) {
        if (requestedOn == connection) {
            return false;
        }
        requestedOn = connection;
        return true;
    }

    /** Keeps what the authorizer returned that later frames need; false (and listeners told) if unusable. */
    boolean authorized(AuthorizationResult result) {
        if (type == ChannelType.PRIVATE_ENCRYPTED && !acceptSharedSecret(result)) {
            subscriptionFailed(0, "authorization for " + name + " has no usable shared_secret");
            return false;
        }
        return true;
    }

    /** Takes the secretbox key from a (re)authorization; false if it has none usable. */
    boolean acceptSharedSecret(AuthorizationResult result) {
        byte[] key = SharedSecret.fromBase64(result.sharedSecret());
        if (key != null) {
            sharedSecret = key;
        }
        return key != null;
    }

    /** The protocol's own events on this channel: subscription outcomes (presence adds member events). */
    void handleProtocolEvent(String event, String data) {
        if (PusherEvents.SUBSCRIPTION_SUCCEEDED.equals(event)) {
            subscriptionSucceeded(Frames.json(data));
        } else if (PusherEvents.SUBSCRIPTION_ERROR.equals(event)) {
            JsonNode error = Frames.json(data);
            subscriptionFailed(error.path("status").asInt(0),
                    error.path("error").asText(error.path("message").asText("subscription refused")));
        }
    }

    void subscriptionSucceeded(JsonNode data) {
        subscribed = true;
        channelListeners.forEach(l -> Callbacks.run("channel", () -> l.onSubscribed(this)));
    }

    void subscriptionFailed(int status, String message) {
        subscribed = false;
        channelListeners.forEach(l -> Callbacks.run("channel", () -> l.onSubscriptionError(this, status, message)));
    }

    /** The connection is gone; the subscription will be renewed on the next one. */
    void connectionLost() {
        subscribed = false;
    }

    /**
     * Turns a received frame into what listeners see: decrypted on encrypted channels. Returns
     * {@code null} when it can't be decrypted now: with {@code mayRenewKey} the client then fetches a
     * fresh shared secret and tries once more (the app's master key may have rotated, as pusher-js
     * assumes); otherwise listeners are told.
     */
    PusherEvent decode(PusherEvent event, boolean mayRenewKey) {
        if (type != ChannelType.PRIVATE_ENCRYPTED || isProtocolEvent(event.event())) {
            return event;
        }
        try {
            String plain = sharedSecret == null ? null : EncryptedPayload.fromJson(event.data()).open(sharedSecret);
            if (plain != null) {
                return new PusherEvent(event.event(), event.channel(), plain, event.userId());
            }
            if (mayRenewKey) {
                client.renewSharedSecret(this, event);
            } else {
                decryptionFailed(event, "the shared secret does not open it");
            }
        } catch (IllegalArgumentException e) {
            decryptionFailed(event, "not an encrypted payload: " + e.getMessage());
        }
        return null;
    }

    void dispatch(PusherEvent event) {
        bindings.dispatch(event);
    }

    void decryptionFailed(PusherEvent event, String reason) {
        channelListeners.forEach(l -> Callbacks.run("channel", () -> l.onDecryptionFailure(this, event.event(), reason)));
    }

    private static boolean isProtocolEvent(String event) {
        return event.startsWith("pusher:") || event.startsWith("pusher_internal:");
    }
}
