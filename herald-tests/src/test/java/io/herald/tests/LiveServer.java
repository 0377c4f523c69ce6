package io.herald.tests;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.PusherEvents;
import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;

/**
 * A test server plus the subscribers a test opened on it, all closed together. Every helper
 * returns only once the server has confirmed the subscriptions, so API answers that follow see them.
 */
public final class LiveServer implements AutoCloseable {

    private final TestServer server;
    private final List<RecordingClient> clients = new ArrayList<>();

    private LiveServer(TestServer server) {
        this.server = server;
    }

    public static LiveServer start() {
        return new LiveServer(TestServer.start());
    }

    public TestServer testServer() {
        return server;
    }

    public ApiClient api() {
        return server.api();
    }

    /** A new connection of the default app, past {@code connection_established}. */
    public RecordingClient connect() {
        RecordingClient client = server.connect();
        clients.add(client);
        return client;
    }

    /** A client of the default app subscribed to each public {@code channel}. */
    public RecordingClient subscriber(String... channels) {
        RecordingClient client = connect();
        for (String channel : channels) {
            client.subscribe(channel);
            client.assertSubscribed(channel);
        }
        return client;
    }

    /** A new connection of the default app joining presence {@code channel} as {@code userId}. */
    public RecordingClient member(String channel, String userId) {
        RecordingClient client = connect();
        client.subscribePresence(TestServer.APP, channel, userId, "{\"name\":\"user " + userId + "\"}");
        client.assertSubscribed(channel);
        return client;
    }

    /**
     * Unsubscribes and waits until the server has processed it: frames of one connection are
     * handled in order, so the pong to a later ping proves the unsubscribe is done.
     */
    public static void unsubscribe(RecordingClient client, String channel) {
        client.unsubscribe(channel);
        client.send(PusherEvents.PING, null, JsonNodeFactory.instance.objectNode());
        client.awaitEvent(PusherEvents.PONG);
    }

    @Override
    public void close() {
        clients.forEach(RecordingClient::close);
        server.close();
    }
}
