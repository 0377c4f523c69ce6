package io.herald.tests.compat;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A pusher-java-client connection to a test server, configured as an application would (host,
 * plain-WebSocket port, no TLS, an HTTP channel authorizer), connected on creation and
 * disconnected on close.
 */
final class JavaClient implements AutoCloseable {

    private final Pusher pusher;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private JavaClient(TestServer server, App app, String authorizationUrl) {
        this.pusher = new Pusher(app.key(), options(server, authorizationUrl));
        pusher.connect(new StateRecorder(), ConnectionState.ALL);
        try {
            await(connected, "connected");
        } catch (AssertionError e) {
            pusher.disconnect();
            throw e;
        }
    }

    /** Connects to {@code server} as {@code app}; {@code authorizationUrl} may be {@code null} for public channels only. */
    static JavaClient connect(TestServer server, App app, String authorizationUrl) {
        return new JavaClient(server, app, authorizationUrl);
    }

    /** The options every client here uses; {@code authorizationUrl} may be {@code null}. */
    static PusherOptions options(TestServer server, String authorizationUrl) {
        PusherOptions options = new PusherOptions()
                .setHost("127.0.0.1")
                .setWsPort(server.port())
                .setUseTLS(false)
                .setMaxReconnectionAttempts(0);
        if (authorizationUrl != null) {
            options.setChannelAuthorizer(new HttpChannelAuthorizer(authorizationUrl));
        }
        return options;
    }

    Pusher pusher() {
        return pusher;
    }

    String socketId() {
        return pusher.getConnection().getSocketId();
    }

    ChannelRecorder subscribe(String channel, String... events) {
        return subscribed(recorder -> pusher.subscribe(channel, recorder, events));
    }

    ChannelRecorder subscribePrivate(String channel, String... events) {
        return subscribed(recorder -> pusher.subscribePrivate(channel, recorder, events));
    }

    ChannelRecorder subscribePresence(String channel, String... events) {
        return subscribed(recorder -> pusher.subscribePresence(channel, recorder, events));
    }

    ChannelRecorder subscribePrivateEncrypted(String channel, String... events) {
        return subscribed(recorder -> pusher.subscribePrivateEncrypted(channel, recorder, events));
    }

    /** Hands a new recorder to {@code subscription} and returns it once the server has confirmed. */
    private static ChannelRecorder subscribed(Consumer<ChannelRecorder> subscription) {
        ChannelRecorder recorder = new ChannelRecorder();
        subscription.accept(recorder);
        recorder.awaitSubscribed();
        return recorder;
    }

    @Override
    public void close() {
        if (pusher.getConnection().getState() != ConnectionState.DISCONNECTED) {
            pusher.disconnect();
            await(disconnected, "disconnected");
        }
    }

    private void await(CompletableFuture<Void> state, String what) {
        try {
            state.get(ChannelRecorder.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("pusher-java-client not " + what + " within "
                    + ChannelRecorder.TIMEOUT.toMillis() + " ms; errors " + errors, e);
        }
    }

    /** Called on the library's event thread. */
    private final class StateRecorder implements ConnectionEventListener {
        @Override
        public void onConnectionStateChange(ConnectionStateChange change) {
            if (change.getCurrentState() == ConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (change.getCurrentState() == ConnectionState.DISCONNECTED) {
                disconnected.complete(null);
            }
        }

        @Override
        public void onError(String message, String code, Exception e) {
            errors.add(message + " (code " + code + ")" + (e == null ? "" : ": " + e));
        }
    }
}
