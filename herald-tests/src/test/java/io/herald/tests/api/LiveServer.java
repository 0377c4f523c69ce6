package io.herald.tests.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.config.ServerOptions;
import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test server plus the subscribers a test opened on it, all closed together. Every helper
 * returns only once the server has confirmed the subscriptions, so API answers that follow see them.
 */
final class LiveServer implements AutoCloseable {

    private final TestServer server;
    private final List<RecordingClient> clients = new ArrayList<>();

    private LiveServer(TestServer server) {
        this.server = server;
    }

    static LiveServer start() {
        return new LiveServer(TestServer.start());
    }

    static LiveServer start(Consumer<ServerOptions.Builder> customizer) {
        return new LiveServer(TestServer.start(customizer));
    }

    ApiClient api() {
        return server.api();
    }

    ApiClient api(App app) {
        return server.api(app);
    }

    /** A client of the default app subscribed to each public {@code channel}. */
    RecordingClient subscriber(String... channels) {
        return subscriber(TestServer.APP, channels);
    }

    RecordingClient subscriber(App app, String... channels) {
        RecordingClient client = open(app);
        for (String channel : channels) {
            client.subscribe(channel);
            client.assertSubscribed(channel);
        }
        return client;
    }

    /** A new connection of the default app joining presence {@code channel} as {@code userId}. */
    RecordingClient member(String channel, String userId) {
        RecordingClient client = open(TestServer.APP);
        join(client, channel, userId);
        return client;
    }

    /** Joins presence {@code channel} as {@code userId} on an open connection. */
    static void join(RecordingClient client, String channel, String userId) {
        client.subscribePresence(TestServer.APP, channel, userId, "{\"name\":\"user " + userId + "\"}");
        client.assertSubscribed(channel);
    }

    /**
     * Unsubscribes and waits until the server has processed it: frames of one connection are
     * handled in order, so the pong to a later ping proves the unsubscribe is done.
     */
    static void unsubscribe(RecordingClient client, String channel) {
        client.unsubscribe(channel);
        client.send(PusherEvents.PING, null, JsonNodeFactory.instance.objectNode());
        client.awaitEvent(PusherEvents.PONG);
    }

    private RecordingClient open(App app) {
        RecordingClient client = server.connect(app);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(RecordingClient::close);
        server.close();
    }
}
