package io.herald.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ChannelName;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.user.UserRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's session handling in memory: a {@link ClientMessageHandler} over the real
 * {@link LocalAdapter} and registries, a {@link SessionEvents} that records what it is told, and
 * helpers that send frames as a client would.
 */
final class SessionFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final App APP = App.builder("app-1", "key-1", "secret-1").build();

    final ChannelRegistries registries = new ChannelRegistries();
    final RecordingSessionEvents events = new RecordingSessionEvents();
    final ClientMessageHandler handler;
    private final App app;
    private int sockets;

    SessionFixture() {
        this(APP);
    }

    SessionFixture(App app) {
        this.app = app;
        UserRegistry users = new UserRegistry();
        LocalAdapter adapter = new LocalAdapter(registries, users, Duration.ofMinutes(30));
        this.handler = new ClientMessageHandler(registries, adapter, events, new Watchlists(adapter, users));
    }

    /** A new connection of the app, socket ids {@code 1.1}, {@code 1.2}, … */
    RecordingSocket connect() {
        return new RecordingSocket("1." + ++sockets, app);
    }

    void sendText(RecordingSocket socket, String text) {
        handler.onMessage(socket.connection(), text);
    }

    void send(RecordingSocket socket, String event, String channel, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("event", event);
        if (channel != null) {
            frame.put("channel", channel);
        }
        frame.set("data", data);
        sendText(socket, frame.toString());
    }

    /** {@code pusher:subscribe}; {@code auth} and {@code channelData} are left out when {@code null}. */
    void subscribe(RecordingSocket socket, String channel, String auth, String channelData) {
        ObjectNode data = JSON.createObjectNode().put("channel", channel);
        if (auth != null) {
            data.put("auth", auth);
        }
        if (channelData != null) {
            data.put("channel_data", channelData);
        }
        send(socket, PusherEvents.SUBSCRIBE, null, data);
    }

    /** Subscribes to a public or private channel, signed when it needs it, and reads the confirmation. */
    void join(RecordingSocket socket, String channel) {
        boolean signed = ChannelName.typeOf(channel).requiresAuthorization();
        subscribe(socket, channel, signed ? auth(socket, channel, null) : null, null);
        socket.next(PusherEvents.SUBSCRIPTION_SUCCEEDED);
    }

    void unsubscribe(RecordingSocket socket, String channel) {
        send(socket, PusherEvents.UNSUBSCRIBE, null, JSON.createObjectNode().put("channel", channel));
    }

    /** {@code client-typing} with data {@code {"n": n}}. */
    void clientEvent(RecordingSocket socket, String channel, int n) {
        send(socket, "client-typing", channel, JSON.createObjectNode().put("n", n));
    }

    /** Signs in with a valid signature over {@code userData}. */
    void signIn(RecordingSocket socket, String userData) {
        signIn(socket, userData, ChannelAuth.authString(app.key(),
                ChannelAuth.userSignature(app.secret(), socket.socketId(), userData)));
    }

    void signIn(RecordingSocket socket, String userData, String auth) {
        send(socket, PusherEvents.SIGNIN, null, JSON.createObjectNode().put("auth", auth).put("user_data", userData));
    }

    /** The socket closed: what the transport reports. */
    void close(RecordingSocket socket) {
        handler.onClose(socket.connection());
    }

    /** The auth string the app's auth endpoint would return for this socket and channel. */
    String auth(RecordingSocket socket, String channel, String channelData) {
        return ChannelAuth.authString(app.key(),
                ChannelAuth.channelSignature(app.secret(), socket.socketId(), channel, channelData));
    }

    /** Records what sessions report for webhooks, one line per report. */
    static final class RecordingSessionEvents implements SessionEvents {

        final List<String> clientEvents = new ArrayList<>();
        final List<String> cacheMisses = new ArrayList<>();

        @Override
        public void clientEvent(App app, String channel, String event, String data, String socketId, String userId) {
            clientEvents.add(channel + " " + event + " " + data + " from " + socketId);
        }

        @Override
        public void cacheMiss(App app, String channel) {
            cacheMisses.add(channel);
        }
    }
}
