package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;

/** Small wire-level steps the WebSocket tests share: triggers, round trips, signed presence joins. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a test waits to be sure that something does not arrive. */
    static final Duration QUIET = Duration.ofMillis(300);

    private Wire() {
    }

    /** Triggers {@code event} on {@code channel} of {@code app} through the HTTP API; asserts 200. */
    static void trigger(TestServer server, App app, String channel, String event, String data) {
        ObjectNode body = JSON.createObjectNode().put("name", event).put("channel", channel).put("data", data);
        ApiClient.Result result = server.api(app).post("/apps/" + app.id() + "/events", body.toString());
        assertThat(result.status()).as("trigger: %s", result.body()).isEqualTo(200);
    }

    static void trigger(TestServer server, String channel, String event, String data) {
        trigger(server, TestServer.APP, channel, event, data);
    }

    /** Triggers each of {@code data} as {@code event} on {@code channel} in one batch request; asserts 200. */
    static void triggerBatch(TestServer server, String channel, String event, List<String> data) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode batch = body.putArray("batch");
        data.forEach(d -> batch.addObject().put("name", event).put("channel", channel).put("data", d));
        ApiClient.Result result = server.api().post("/apps/" + TestServer.APP.id() + "/batch_events", body.toString());
        assertThat(result.status()).as("batch trigger: %s", result.body()).isEqualTo(200);
    }

    /**
     * Sends {@code pusher:ping} and waits for the pong, returning the frames that came before it. The
     * server handles a socket's frames in order, so everything sent earlier has been processed.
     */
    static List<ReceivedEvent> roundTrip(RecordingClient client) {
        client.send(PusherEvents.PING, null, JSON.createObjectNode());
        List<ReceivedEvent> before = new java.util.ArrayList<>();
        while (true) {
            ReceivedEvent next = client.nextEvent();
            if (PusherEvents.PONG.equals(next.event())) {
                return before;
            }
            before.add(next);
        }
    }

    /** Asserts that the connection still answers and is not closed. */
    static void assertOpen(RecordingClient client) {
        roundTrip(client);
        assertThat(client.isClosed()).as("connection closed").isFalse();
    }

    /** Awaits {@code pusher:error} and returns its data, which must carry a non-blank message. */
    static JsonNode errorData(RecordingClient client) {
        ReceivedEvent error = client.awaitEvent(PusherEvents.ERROR);
        JsonNode data = error.json();
        assertThat(data.path("message").asText()).as("message in %s", error).isNotBlank();
        return data;
    }

    /** Subscribes to a presence channel with exactly {@code channelData}, signed with {@code app}'s secret. */
    static void subscribePresenceRaw(RecordingClient client, App app, String channel, String channelData) {
        String signature = ChannelAuth.channelSignature(app.secret(), client.socketId(), channel, channelData);
        client.subscribe(channel, ChannelAuth.authString(app.key(), signature), channelData);
    }

    /** Joins a presence channel as {@code userId} with {@code {"name": userId}} and awaits success. */
    static ReceivedEvent join(RecordingClient client, String channel, String userId) {
        client.subscribePresence(TestServer.APP, channel, userId, "{\"name\":\"" + userId + "\"}");
        return client.assertSubscribed(channel);
    }

    /**
     * {@code alice} joins presence {@code channel} as "alice", then {@code bob} as "bob"; returns once
     * alice has seen bob's {@code member_added}, so both are members and nothing is left pending.
     */
    static void aliceThenBobJoin(String channel, RecordingClient alice, RecordingClient bob) {
        join(alice, channel, "alice");
        join(bob, channel, "bob");
        alice.awaitEvent(PusherEvents.MEMBER_ADDED);
    }

    /** Subscribes a client of the default app to {@code channel} and awaits success; see {@link #subscribe(RecordingClient, App, String)}. */
    static ReceivedEvent subscribe(RecordingClient client, String channel) {
        return subscribe(client, TestServer.APP, channel);
    }

    /** Subscribes a client of {@code app} to {@code channel}, signing private channels, and awaits success. */
    static ReceivedEvent subscribe(RecordingClient client, App app, String channel) {
        if (channel.startsWith("private-")) {
            client.subscribeSigned(app, channel);
        } else {
            client.subscribe(channel);
        }
        return client.assertSubscribed(channel);
    }

    /** A WebSocket URL on {@code server} with exactly this path and query. */
    static String url(TestServer server, String pathAndQuery) {
        return "ws://127.0.0.1:" + server.port() + pathAndQuery;
    }

    /** Waits until the server counts {@code expected} open connections; closing finishes asynchronously. */
    static void awaitConnectionCount(TestServer server, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (server.server().connectionCount() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        assertThat(server.server().connectionCount()).as("open connections").isEqualTo(expected);
    }
}
