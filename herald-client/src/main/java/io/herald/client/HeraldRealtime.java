package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.client.internal.ActivityMonitor;
import io.herald.client.internal.Callbacks;
import io.herald.client.internal.Frames;
import io.herald.client.internal.ReconnectPolicy;
import io.herald.client.internal.WebSocketConnection;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.PusherEvents;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realtime client for Herald or any Pusher-compatible server (protocol 7 over the JDK WebSocket).
 * Named like {@code AblyRealtime}: it subscribes and listens, where the server SDK's
 * {@code HeraldRest} publishes over HTTP.
 *
 * <pre>{@code
 * HeraldRealtimeOptions options = HeraldRealtimeOptions.builder("app-key")
 *         .host("127.0.0.1")
 *         .port(6001)
 *         .authorizer(new HttpChannelAuthorizer(URI.create("http://127.0.0.1:8080/pusher/auth")))
 *         .build();
 * try (HeraldRealtime client = new HeraldRealtime(options)) {
 *     client.addConnectionListener(change -> System.out.println("connection: " + change.current()));
 *     Channel orders = client.subscribe("private-orders", new ChannelListener() {
 *         @Override
 *         public void onSubscriptionError(Channel channel, int status, String message) {
 *             System.err.println("refused " + status + ": " + message);
 *         }
 *     });
 *     orders.bind("order-placed", event -> System.out.println("order: " + event.data()));
 *     client.connect();
 *     Thread.sleep(60_000); // listeners run on the client's own thread meanwhile
 * }
 * }</pre>
 *
 * <p><b>Thread model.</b> Each client owns one daemon thread, its <em>event thread</em>
 * ({@code herald-client-N}). Every listener — connection, channel, presence and event listeners — is
 * called on it, one at a time, in the order frames arrived; it also runs the activity timer, the pong
 * timeout and reconnects. Listeners must therefore return quickly and never block (no HTTP calls, no
 * waiting on futures): a blocked listener delays every other event, pings and reconnects. Hand slow work
 * to your own executor. A listener that throws is logged and skipped. The public methods may be called
 * from any thread; they queue their work on the event thread.
 *
 * <p><b>Reconnects.</b> After a close with 4000–4099 the client stops ({@link ConnectionState#FAILED});
 * 4200–4299 reconnects at once; 4100–4199 and everything else (1006, a server that went away, a failed
 * handshake) reconnect after an exponential backoff with jitter, capped at
 * {@link HeraldRealtimeOptions#reconnectMaxDelay()}. Every channel is subscribed again, with fresh
 * authorization, on each new connection, and a client that signed in signs in again.
 *
 * <p><b>Users.</b> {@link #signin()} (or {@link HeraldRealtimeOptions#signinOnConnect()}) signs in with the
 * configured {@link UserAuthenticator}, like pusher-js's {@code pusher.signin()}; {@link #user()} then
 * receives events sent to the user and its watchlist.
 *
 * <p><b>Liveness.</b> The server's {@code pusher:ping} is answered with {@code pusher:pong}. After
 * {@code min(activityTimeout, server's activity_timeout)} without any frame the client sends
 * {@code pusher:ping}; if nothing arrives within {@link HeraldRealtimeOptions#pongTimeout()} it drops the socket
 * and reconnects at once.
 */
public final class HeraldRealtime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldRealtime.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HeraldRealtimeOptions options;
    private final ReconnectPolicy reconnectPolicy;
    private final HttpClient http;
    private final ScheduledExecutorService events;
    private volatile Thread eventThread;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final EventBindings bindings = new EventBindings();
    private final WebSocketConnection.Handler socketHandler = new SocketHandler();
    private final ActivityMonitor activity;
    private final User user = new User(this);

    // Written on the event thread only; volatile where other threads read them.
    private volatile ConnectionState state = ConnectionState.INITIALIZED;
    private volatile String socketId;
    private WebSocketConnection socket;
    private int failedAttempts;
    private ScheduledFuture<?> reconnectTask;
    private volatile boolean signinRequested;

    /**
     * Creates a client and its event thread; nothing is sent until {@link #connect()}.
     *
     * @param options the server, app key and authorizers to use
     */
    public HeraldRealtime(HeraldRealtimeOptions options) {
        this.options = options;
        this.reconnectPolicy = new ReconnectPolicy(options.reconnectInitialDelay(), options.reconnectMaxDelay());
        HttpClient.Builder httpBuilder = HttpClient.newBuilder().connectTimeout(options.connectTimeout());
        if (options.sslContext() != null) {
            httpBuilder.sslContext(options.sslContext());
        }
        this.http = httpBuilder.build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "herald-client-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            eventThread = thread;
            return thread;
        });
        // Timers must neither linger after cancel nor hold up close().
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.events = executor;
        this.activity = new ActivityMonitor(events, options.pongTimeout(),
                () -> send(PusherEvents.PING, null, JSON.createObjectNode()), this::pongMissed);
        this.signinRequested = options.signinOnConnect();
    }

    /** @return the settings this client was created with */
    public HeraldRealtimeOptions options() {
        return options;
    }

    /** @return the connection's state now; listeners hear each change as it happens */
    public ConnectionState state() {
        return state;
    }

    /** @return the socket id of the current connection, or {@code null} while not connected */
    public String socketId() {
        return socketId;
    }

    /** Opens the connection (no-op while connecting or connected). */
    public void connect() {
        events.execute(() -> {
            if (state == ConnectionState.INITIALIZED || state == ConnectionState.DISCONNECTED
                    || state == ConnectionState.FAILED) {
                failedAttempts = 0;
                openSocket();
            }
        });
    }

    /** Closes the connection and stops reconnecting; channels stay registered for a later {@link #connect()}. */
    public void disconnect() {
        events.execute(() -> {
            if (state == ConnectionState.DISCONNECTED || state == ConnectionState.INITIALIZED) {
                return;
            }
            cancelTimers();
            if (socket != null) {
                socket.close(1000, "client disconnected");
                socket = null;
            }
            connectionLost();
            setState(ConnectionState.DISCONNECTED, 0, "disconnected by the client");
        });
    }

    /** Disconnects and stops the event thread; the client can't be used afterwards. */
    @Override
    public void close() {
        disconnect();
        events.shutdown();
        if (Thread.currentThread() != eventThread) {
            try {
                events.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Subscribes to a channel (at once when connected, otherwise on connect) and returns it; subscribing
     * twice returns the same channel. Private, presence and encrypted channels are signed by the
     * configured {@link ChannelAuthorizer}.
     *
     * @param channelName a valid Pusher channel name, e.g. {@code orders} or {@code private-orders}
     * @return the channel, to bind events on; a {@link PresenceChannel} for a {@code presence-} name
     * @throws IllegalArgumentException when the name is not a valid channel name
     */
    public Channel subscribe(String channelName) {
        return subscribe(channelName, null);
    }

    /**
     * Like {@link #subscribe(String)}, with {@code listener} registered before the subscription is sent,
     * so that it can't miss the outcome.
     *
     * @param channelName a valid Pusher channel name
     * @param listener hears the subscription's outcome; may be {@code null}
     * @return the channel; a {@link PresenceChannel} for a {@code presence-} name
     * @throws IllegalArgumentException when the name is not a valid channel name
     */
    public Channel subscribe(String channelName, ChannelListener listener) {
        return subscribeWith(channelName, channel -> {
            if (listener != null) {
                channel.addListener(listener);
            }
        });
    }

    /**
     * Like {@link #subscribe(String)}, with {@code listener} bound to each of {@code events} before the
     * subscription is sent, as pusher-java-client's {@code subscribe(channel, listener, eventNames...)}: it
     * can't miss the first ones, such as a cache channel's last event or a subscription count, which the
     * server sends right after confirming. Bound with {@link Channel#bind} once {@code subscribe} returned,
     * a listener may come too late for them.
     *
     * @param channelName a valid Pusher channel name
     * @param listener hears each of {@code events} on the channel
     * @param events the event names to bind, e.g. {@code pusher:cache_miss}
     * @return the channel; a {@link PresenceChannel} for a {@code presence-} name
     * @throws IllegalArgumentException when the name is not a valid channel name
     */
    public Channel subscribe(String channelName, EventListener listener, String... events) {
        return subscribeWith(channelName, channel -> {
            for (String event : events) {
                channel.bind(event, listener);
            }
        });
    }

    /** Subscribes once per name; {@code prepare} runs on the channel (new or not) before any subscribe is sent. */
    private Channel subscribeWith(String channelName, Consumer<Channel> prepare) {
        String problem = ChannelName.problem(channelName, ChannelName.MAX_LENGTH);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        boolean[] created = new boolean[1];
        Channel channel = channels.computeIfAbsent(channelName, name -> {
            created[0] = true;
            return ChannelName.typeOf(name) == ChannelType.PRESENCE
                    ? new PresenceChannel(this, name) : new Channel(this, name);
        });
        prepare.accept(channel);
        if (created[0]) {
            events.execute(() -> {
                if (state == ConnectionState.CONNECTED && channels.get(channelName) == channel) {
                    sendSubscribe(channel);
                }
            });
        }
        return channel;
    }

    /**
     * Subscribes to a {@code presence-} channel; needs an authorizer that returns {@code channel_data}.
     *
     * @param channelName a name starting with {@code presence-}
     * @return the channel, with its members once subscribed
     * @throws IllegalArgumentException when the name is not a presence channel's
     */
    public PresenceChannel subscribePresence(String channelName) {
        return subscribePresence(channelName, null);
    }

    /**
     * Subscribes to a {@code presence-} channel with {@code listener} registered first.
     *
     * @param channelName a name starting with {@code presence-}
     * @param listener hears the subscription's outcome; may be {@code null}
     * @return the channel, with its members once subscribed
     * @throws IllegalArgumentException when the name is not a presence channel's
     */
    public PresenceChannel subscribePresence(String channelName, ChannelListener listener) {
        if (ChannelName.typeOf(channelName) != ChannelType.PRESENCE) {
            throw new IllegalArgumentException("not a presence channel: " + channelName);
        }
        return (PresenceChannel) subscribe(channelName, listener);
    }

    /**
     * Leaves a channel; it is no longer renewed on reconnect. Unknown names are ignored.
     *
     * @param channelName the name it was subscribed under
     */
    public void unsubscribe(String channelName) {
        Channel channel = channels.remove(channelName);
        if (channel != null) {
            events.execute(() -> {
                channel.connectionLost();
                if (state == ConnectionState.CONNECTED) {
                    send(PusherEvents.UNSUBSCRIBE, null, JSON.createObjectNode().put("channel", channelName));
                }
            });
        }
    }

    /**
     * Signs in with the configured {@link UserAuthenticator} (at once when connected, otherwise on
     * connect) and again after every reconnect; then subscribes {@code #server-to-user-{id}} so that
     * {@link #user()} receives what is sent to the user. The outcome reaches the {@link UserListener}s
     * of {@link #user()}. Calling it while signed in or signing in changes nothing; after a failed
     * sign-in it tries again.
     */
    public void signin() {
        events.execute(() -> {
            signinRequested = true;
            if (state == ConnectionState.CONNECTED && user.maySignIn()) {
                startSignin();
            }
        });
    }

    /**
     * The user this client signs in as: bind events sent to it, hear its sign-ins and watchlist.
     *
     * @return the one user of this client, also before (and without) a sign-in
     */
    public User user() {
        return user;
    }

    /**
     * Looks up a subscribed channel.
     *
     * @param channelName the name it was subscribed under
     * @return the channel, or {@code null} when not subscribed
     */
    public Channel channel(String channelName) {
        return channels.get(channelName);
    }

    /**
     * Adds a listener for state changes and errors of the connection; it hears changes from now on.
     *
     * @param listener called on the event thread
     * @return this client
     */
    public HeraldRealtime addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
        return this;
    }

    /**
     * Removes a connection listener added before; unknown ones are ignored.
     *
     * @param listener the listener to remove
     * @return this client
     */
    public HeraldRealtime removeConnectionListener(ConnectionListener listener) {
        connectionListeners.remove(listener);
        return this;
    }

    /**
     * Calls {@code listener} for every event named {@code event}, on any channel or none.
     *
     * @param event the event name, e.g. {@code order-placed}
     * @param listener called on the event thread
     * @return this client
     */
    public HeraldRealtime bind(String event, EventListener listener) {
        bindings.bind(event, listener);
        return this;
    }

    /**
     * Removes a listener bound with {@link #bind(String, EventListener)}.
     *
     * @param event the event name it was bound to
     * @param listener the listener to remove
     * @return this client
     */
    public HeraldRealtime unbind(String event, EventListener listener) {
        bindings.unbind(event, listener);
        return this;
    }

    /**
     * Calls {@code listener} for every frame received, the protocol's own ({@code pusher:…}) included.
     *
     * @param listener called on the event thread
     * @return this client
     */
    public HeraldRealtime bindGlobal(EventListener listener) {
        bindings.bindGlobal(listener);
        return this;
    }

    /**
     * Removes a listener bound with {@link #bindGlobal(EventListener)}.
     *
     * @param listener the listener to remove
     * @return this client
     */
    public HeraldRealtime unbindGlobal(EventListener listener) {
        bindings.unbindGlobal(listener);
        return this;
    }

    void sendClientEvent(Channel channel, String event, JsonNode data) {
        events.execute(() -> {
            if (state == ConnectionState.CONNECTED && channel.isSubscribed()) {
                send(event, channel.name(), data);
            }
        });
    }

    // ---- event thread from here on ----

    private void openSocket() {
        cancelTimers();
        setState(ConnectionState.CONNECTING, 0, "");
        socket = WebSocketConnection.open(http, options.webSocketUri(), options.connectTimeout(), events, socketHandler);
        activity.start(options.activityTimeout());
    }

    private void onMessage(String text) {
        activity.activity();
        PusherEvent event = Frames.parse(text);
        if (event == null) {
            LOG.warn("Ignoring a frame that is not a Pusher event: {}", text);
            return;
        }
        Channel channel = event.channel() == null ? null : channelFor(event.channel());
        handleProtocolEvent(event, channel);
        if (channel == null) {
            bindings.dispatch(event);
            return;
        }
        PusherEvent decoded = channel.decode(event, true);
        if (decoded != null) {
            deliver(channel, decoded);
        }
    }

    private Channel channelFor(String name) {
        Channel channel = channels.get(name);
        return channel != null ? channel : user.channel(name);
    }

    private void deliver(Channel channel, PusherEvent event) {
        channel.dispatch(event);
        bindings.dispatch(event);
    }

    /** Fetches a fresh shared secret for {@code channel} and decrypts {@code event} once more. */
    void renewSharedSecret(Channel channel, PusherEvent event) {
        WebSocketConnection connection = socket;
        authorize(channel).whenCompleteAsync((result, error) -> {
            if (connection != socket || channels.get(channel.name()) != channel) {
                return;
            }
            if (error != null || !channel.acceptSharedSecret(result)) {
                channel.decryptionFailed(event, "no fresh shared secret: "
                        + (error == null ? "the answer has none" : rootMessage(error)));
                return;
            }
            PusherEvent decoded = channel.decode(event, false);
            if (decoded != null) {
                deliver(channel, decoded);
            }
        }, events);
    }

    private void handleProtocolEvent(PusherEvent event, Channel channel) {
        switch (event.event()) {
            case PusherEvents.CONNECTION_ESTABLISHED -> connectionEstablished(Frames.json(event.data()));
            case PusherEvents.PING -> send(PusherEvents.PONG, null, JSON.createObjectNode());
            case PusherEvents.ERROR -> {
                JsonNode data = Frames.json(event.data());
                int code = data.path("code").asInt(0);
                String message = data.path("message").asText("");
                connectionListeners.forEach(l -> Callbacks.run("connection", () -> l.onError(code, message)));
                user.errorReceived(code, message);
            }
            case PusherEvents.SIGNIN_SUCCESS -> {
                Channel userChannel = user.signinSucceeded(Frames.json(event.data()).path("user_data").asText(null));
                if (userChannel != null) {
                    sendSubscribe(userChannel);
                }
            }
            case PusherEvents.WATCHLIST_EVENTS -> user.watchlistEvents(Frames.json(event.data()));
            default -> {
                if (channel != null) {
                    channel.handleProtocolEvent(event.event(), event.data());
                }
            }
        }
    }

    private void connectionEstablished(JsonNode data) {
        socketId = data.path("socket_id").asText(null);
        Duration idleTimeout = options.activityTimeout();
        long serverTimeout = data.path("activity_timeout").asLong(0);
        if (serverTimeout > 0 && Duration.ofSeconds(serverTimeout).compareTo(idleTimeout) < 0) {
            idleTimeout = Duration.ofSeconds(serverTimeout);
        }
        activity.start(idleTimeout);
        failedAttempts = 0;
        setState(ConnectionState.CONNECTED, 0, "");
        channels.values().forEach(this::sendSubscribe);
        if (signinRequested) {
            startSignin();
        }
    }

    /** Asks the authenticator for this socket's sign-in and sends it, unless the connection changed meanwhile. */
    private void startSignin() {
        UserAuthenticator authenticator = options.userAuthenticator();
        if (authenticator == null) {
            user.signinFailed(0, "no UserAuthenticator configured");
            return;
        }
        user.signinStarted();
        WebSocketConnection connection = socket;
        CompletableFuture<UserAuthentication> answer;
        try {
            answer = authenticator.authenticate(socketId);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            answer = CompletableFuture.failedFuture(new HeraldRealtimeException("the UserAuthenticator returned null"));
        }
        answer.whenCompleteAsync((result, error) -> {
            if (connection != socket) {
                return; // a reconnect signs in afresh
            }
            if (error != null || result == null) {
                user.signinFailed(0, "user authentication failed: "
                        + (error == null ? "no answer" : rootMessage(error)));
                return;
            }
            user.signinSent();
            send(PusherEvents.SIGNIN, null,
                    JSON.createObjectNode().put("auth", result.auth()).put("user_data", result.userData()));
        }, events);
    }

    private void sendSubscribe(Channel channel) {
        if (!channel.requestOnce(socket)) {
            return;
        }
        if (!channel.type().requiresAuthorization()) {
            send(PusherEvents.SUBSCRIBE, null, JSON.createObjectNode().put("channel", channel.name()));
            return;
        }
        WebSocketConnection connection = socket;
        authorize(channel).whenCompleteAsync((result, error) -> {
            if (connection != socket || channels.get(channel.name()) != channel) {
                return; // the connection or the subscription changed meanwhile
            }
            if (error != null) {
                channel.subscriptionFailed(0, "authorization failed: " + rootMessage(error));
            } else if (channel.authorized(result)) {
                ObjectNode data = JSON.createObjectNode().put("channel", channel.name()).put("auth", result.auth());
                if (result.channelData() != null) {
                    data.put("channel_data", result.channelData());
                }
                send(PusherEvents.SUBSCRIBE, null, data);
            }
        }, events);
    }

    /** Asks the configured authorizer; a missing authorizer or one that throws gives a failed future. */
    private CompletableFuture<AuthorizationResult> authorize(Channel channel) {
        ChannelAuthorizer authorizer = options.authorizer();
        if (authorizer == null) {
            return CompletableFuture.failedFuture(
                    new HeraldRealtimeException("no ChannelAuthorizer configured for " + channel.name()));
        }
        try {
            return authorizer.authorize(socketId, channel.name());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void onClosed(int code, String reason) {
        socket = null;
        cancelTimers();
        connectionLost();
        ReconnectPolicy.Action action = ReconnectPolicy.actionFor(code);
        if (action == ReconnectPolicy.Action.FAIL) {
            LOG.warn("Connection refused with {} ({}); not reconnecting", code, reason);
            setState(ConnectionState.FAILED, code, reason);
            return;
        }
        Duration delay = action == ReconnectPolicy.Action.IMMEDIATE && failedAttempts == 0
                ? Duration.ZERO : reconnectPolicy.backoff(failedAttempts);
        failedAttempts++;
        LOG.debug("Connection closed with {} ({}); reconnecting in {}", code, reason, delay);
        setState(ConnectionState.RECONNECTING, code, reason);
        reconnectTask = events.schedule(this::openSocket, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connectionLost() {
        socketId = null;
        channels.values().forEach(Channel::connectionLost);
        user.connectionLost();
    }

    private void pongMissed() {
        if (socket != null) {
            socket.abort();
            onClosed(ErrorCode.PONG_NOT_RECEIVED.code(), "no answer to the client's ping within " + options.pongTimeout());
        }
    }

    private void send(String event, String channel, JsonNode data) {
        if (socket == null) {
            return;
        }
        ObjectNode frame = JSON.createObjectNode().put("event", event);
        if (channel != null) {
            frame.put("channel", channel);
        }
        frame.set("data", data);
        socket.send(frame.toString());
    }

    private void setState(ConnectionState next, int code, String reason) {
        ConnectionState previous = state;
        state = next;
        ConnectionStateChange change = new ConnectionStateChange(previous, next, code, reason == null ? "" : reason);
        connectionListeners.forEach(l -> Callbacks.run("connection", () -> l.onStateChange(change)));
    }

    private void cancelTimers() {
        if (reconnectTask != null) {
            reconnectTask.cancel(false);
        }
        activity.stop();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Routes the socket's callbacks (already on the event thread) to the current connection only. */
    private final class SocketHandler implements WebSocketConnection.Handler {
        @Override
        public void onText(WebSocketConnection connection, String text) {
            if (connection == socket) {
                onMessage(text);
            }
        }

        @Override
        public void onClosed(WebSocketConnection connection, int code, String reason) {
            if (connection == socket) {
                HeraldRealtime.this.onClosed(code, reason);
            }
        }
    }
}
