package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.client.internal.Callbacks;
import io.herald.client.internal.Frames;
import io.herald.protocol.ChannelName;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The user this client signs in as, from {@link HeraldRealtime#user()}; the counterpart of pusher-js's
 * {@code pusher.user}. After {@link HeraldRealtime#signin()} succeeds the client subscribes
 * {@code #server-to-user-{id}} itself, and events sent there (the server SDKs' {@code sendToUser}) reach
 * the listeners bound here. Listener methods may be called from any thread; listeners run on the
 * client's event thread.
 */
public final class User {

    private final HeraldRealtime client;
    private final EventBindings bindings = new EventBindings();
    private final List<UserListener> userListeners = new CopyOnWriteArrayList<>();
    private final List<WatchlistListener> watchlistListeners = new CopyOnWriteArrayList<>();
    private volatile String id;
    private volatile String userData;
    private volatile boolean signedIn;
    // Event thread only: a sign-in is under way on this connection (authenticating or awaiting the answer),
    // and whether its pusher:signin went out.
    private boolean busy;
    private boolean pending;
    private Channel serverToUser; // event thread only

    User(HeraldRealtime client) {
        this.client = client;
    }

    /** @return the id of the user last signed in as, or {@code null} before the first sign-in succeeded */
    public String id() {
        return id;
    }

    /** @return the user data the server last confirmed, as JSON text, or {@code null} */
    public String userData() {
        return userData;
    }

    /** @return true while signed in on the current connection */
    public boolean isSignedIn() {
        return signedIn;
    }

    /**
     * Calls {@code listener} for every event named {@code event} sent to this user.
     *
     * @param event the event name
     * @param listener called on the client's event thread
     * @return this user
     */
    public User bind(String event, EventListener listener) {
        bindings.bind(event, listener);
        return this;
    }

    /**
     * Removes a listener bound with {@link #bind(String, EventListener)}.
     *
     * @param event the event name it was bound to
     * @param listener the listener to remove
     * @return this user
     */
    public User unbind(String event, EventListener listener) {
        bindings.unbind(event, listener);
        return this;
    }

    /**
     * Calls {@code listener} for every event sent to this user (not the protocol's own).
     *
     * @param listener called on the client's event thread
     * @return this user
     */
    public User bindGlobal(EventListener listener) {
        bindings.bindGlobal(listener);
        return this;
    }

    /**
     * Removes a listener bound with {@link #bindGlobal(EventListener)}.
     *
     * @param listener the listener to remove
     * @return this user
     */
    public User unbindGlobal(EventListener listener) {
        bindings.unbindGlobal(listener);
        return this;
    }

    /**
     * Adds a listener for how sign-ins turn out.
     *
     * @param listener called on the client's event thread
     * @return this user
     */
    public User addListener(UserListener listener) {
        userListeners.add(listener);
        return this;
    }

    /**
     * Removes a user listener added before; unknown ones are ignored.
     *
     * @param listener the listener to remove
     * @return this user
     */
    public User removeListener(UserListener listener) {
        userListeners.remove(listener);
        return this;
    }

    /**
     * Hears the watchlist in the signed user data: its state at sign-in, then who comes and goes.
     *
     * @param listener called on the client's event thread
     * @return this user
     */
    public User addWatchlistListener(WatchlistListener listener) {
        watchlistListeners.add(listener);
        return this;
    }

    /**
     * Removes a watchlist listener added before; unknown ones are ignored.
     *
     * @param listener the listener to remove
     * @return this user
     */
    public User removeWatchlistListener(WatchlistListener listener) {
        watchlistListeners.remove(listener);
        return this;
    }

    @Override
    public String toString() {
        return "User[" + id + (signedIn ? ", signed in" : "") + "]";
    }

    // Everything below runs on the client's event thread.

    /** True unless signed in or signing in on the current connection. */
    boolean maySignIn() {
        return !busy && !signedIn;
    }

    /** The client asks the authenticator for the current connection. */
    void signinStarted() {
        busy = true;
    }

    /** A {@code pusher:signin} went out on the current connection. */
    void signinSent() {
        pending = true;
    }

    /**
     * {@code pusher:signin_success} arrived: returns the {@code #server-to-user-} channel to subscribe,
     * or {@code null} (and listeners told) when the confirmed user data is unusable.
     */
    Channel signinSucceeded(String confirmedUserData) {
        busy = false;
        pending = false;
        JsonNode data = Frames.json(confirmedUserData);
        String userId = data.path("id").isValueNode() ? data.path("id").asText("") : "";
        if (userId.isEmpty()) {
            signinFailed(0, "pusher:signin_success without a user id: " + confirmedUserData);
            return null;
        }
        if (serverToUser == null || !userId.equals(id)) {
            serverToUser = new Channel(client, ChannelName.SERVER_TO_USER_PREFIX + userId);
            serverToUser.bindGlobal(this::dispatch);
        }
        id = userId;
        userData = confirmedUserData;
        signedIn = true;
        userListeners.forEach(l -> Callbacks.run("user", () -> l.onSignedIn(userId, confirmedUserData)));
        return serverToUser;
    }

    void signinFailed(int code, String message) {
        busy = false;
        pending = false;
        userListeners.forEach(l -> Callbacks.run("user", () -> l.onSigninError(code, message)));
    }

    /** A {@code pusher:error} arrived: while a sign-in awaits its answer, it is the answer. */
    void errorReceived(int code, String message) {
        if (pending) {
            signinFailed(code, message);
        }
    }

    /** The {@code #server-to-user-} channel if {@code channelName} is it, else {@code null}. */
    Channel channel(String channelName) {
        Channel channel = serverToUser;
        return channel != null && channel.name().equals(channelName) ? channel : null;
    }

    /** {@code pusher_internal:watchlist_events {"events":[{"name","user_ids"}]}} */
    void watchlistEvents(JsonNode data) {
        for (JsonNode event : data.path("events")) {
            List<String> ids = new ArrayList<>();
            event.path("user_ids").forEach(idNode -> ids.add(idNode.asText()));
            List<String> userIds = List.copyOf(ids);
            switch (event.path("name").asText("")) {
                case "online" -> watchlistListeners.forEach(l -> Callbacks.run("watchlist", () -> l.onOnline(userIds)));
                case "offline" -> watchlistListeners.forEach(l -> Callbacks.run("watchlist", () -> l.onOffline(userIds)));
                default -> { } // a kind this client doesn't know: ignore, as pusher-js would
            }
        }
    }

    /** The connection is gone; the client signs in again on the next one. */
    void connectionLost() {
        busy = false;
        pending = false;
        signedIn = false;
        if (serverToUser != null) {
            serverToUser.connectionLost();
        }
    }

    /** Events on the user's channel, without the protocol's own, as pusher-js's user facade does. */
    private void dispatch(PusherEvent event) {
        if (!event.event().startsWith("pusher:") && !event.event().startsWith("pusher_internal:")) {
            bindings.dispatch(event);
        }
    }
}
