package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ChannelName;
import io.herald.protocol.PusherEvents;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Consumer;

/** Builds clients against a test server, with short reconnect delays, and publishes through the API. */
final class Clients {

    private Clients() {
    }

    static HeraldRealtimeOptions.Builder options(TestServer server) {
        return options(server.port());
    }

    static HeraldRealtimeOptions.Builder options(int port) {
        return HeraldRealtimeOptions.builder(TestServer.APP.key())
                .host("127.0.0.1")
                .port(port)
                .reconnectInitialDelay(Duration.ofMillis(100))
                .reconnectMaxDelay(Duration.ofMillis(500));
    }

    /** A client connected to {@code server} whose every callback {@code recorder} records. */
    static HeraldRealtime connected(TestServer server, ClientRecorder recorder) {
        return connected(server, recorder, b -> { });
    }

    static HeraldRealtime connected(TestServer server, ClientRecorder recorder, Consumer<HeraldRealtimeOptions.Builder> customizer) {
        HeraldRealtimeOptions.Builder builder = options(server);
        customizer.accept(builder);
        HeraldRealtime client = new HeraldRealtime(builder.build());
        client.addConnectionListener(recorder).bindGlobal(recorder);
        client.connect();
        recorder.awaitState(ConnectionState.CONNECTED);
        return client;
    }

    /**
     * A client signed in through {@code authenticator}, whose {@code #server-to-user-} channel is
     * subscribed; {@code recorder} hears its connection, events, user and watchlist.
     */
    static HeraldRealtime signedIn(TestServer server, ClientRecorder recorder, UserAuthenticator authenticator) {
        HeraldRealtime client = connected(server, recorder, b -> b.userAuthenticator(authenticator));
        client.user().addListener(recorder).addWatchlistListener(recorder);
        client.signin();
        awaitSignedIn(recorder);
        return client;
    }

    /** Waits for a sign-in and for the subscription to that user's channel; returns the user id. */
    static String awaitSignedIn(ClientRecorder recorder) {
        String userId = recorder.awaitUserNotice("signedIn").detail();
        recorder.awaitEvent(PusherEvents.SUBSCRIPTION_SUCCEEDED, ChannelName.SERVER_TO_USER_PREFIX + userId);
        return userId;
    }

    /** Signs in as {@code userData} locally with the test app's key and secret. */
    static UserAuthenticator localUser(String userData) {
        return new LocalUserAuthenticator(TestServer.APP.key(), TestServer.APP.secret(), userData);
    }

    /** What an app's user-auth endpoint answers (the server SDKs' {@code authenticateUser}). */
    static String userAuth(String socketId, String userData) {
        String auth = ChannelAuth.authString(TestServer.APP.key(),
                ChannelAuth.userSignature(TestServer.APP.secret(), socketId, userData));
        return "{\"auth\":\"" + auth + "\",\"user_data\":" + quote(userData) + "}";
    }

    /** Subscribes with {@code recorder} as the channel's listener, and waits for the confirmation. */
    static Channel subscribed(HeraldRealtime client, ClientRecorder recorder, String channelName) {
        Channel channel = client.subscribe(channelName, recorder);
        if (channel instanceof PresenceChannel presence) {
            presence.addPresenceListener(recorder);
        }
        recorder.awaitSubscribed(channelName);
        return channel;
    }

    /** Publishes an event through the signed HTTP API and checks it was accepted. */
    static void publish(TestServer server, String channel, String event, String data) {
        String body = "{\"name\":\"" + event + "\",\"channel\":\"" + channel + "\",\"data\":" + quote(data) + "}";
        ApiClient.Result result = server.api().post("/apps/" + TestServer.APP.id() + "/events", body);
        assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
    }

    /** A port nothing listens on now, for servers restarted on the same port. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A default test server on {@code port} that shuts down quickly. */
    static TestServer startOn(int port) {
        return TestServer.start(b -> b.port(port).shutdownTimeout(Duration.ofSeconds(1)));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
