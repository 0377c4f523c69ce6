package io.herald.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket client that records everything the server sends, for tests. Waits have a timeout and
 * fail with what arrived instead. It never answers {@code pusher:ping} by itself, so tests decide.
 * Callbacks run on the JDK WebSocket's threads; only the queue crosses to the test thread.
 */
public final class RecordingClient implements AutoCloseable {

    /** How long a wait for an expected frame lasts before the test fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<ReceivedEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final String socketId;
    private final ReceivedEvent established;

    private RecordingClient(String url, String origin, SSLContext tls) {
        HttpClient.Builder http = HttpClient.newBuilder();
        if (tls != null) {
            http.sslContext(tls);
        }
        WebSocket.Builder builder = http.build().newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder
                .buildAsync(URI.create(url), new Recorder())
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        ReceivedEvent first = nextEvent();
        this.socketId = PusherEvents.CONNECTION_ESTABLISHED.equals(first.event())
                ? first.json().get("socket_id").asText() : null;
        this.established = socketId == null ? null : first;
        if (socketId == null) {
            events.add(first); // a refusal: leave it for the test to assert
        }
    }

    /** Connects and consumes {@code connection_established} if the server sends it. */
    public static RecordingClient connect(String url) {
        return new RecordingClient(url, null, null);
    }

    /** Connects to a {@code wss://} URL trusting what {@code tls} trusts, like {@link #connect}. */
    public static RecordingClient connect(String url, SSLContext tls) {
        return new RecordingClient(url, null, tls);
    }

    /** Connects as a page on {@code origin} would (with that {@code Origin} header), like {@link #connect}. */
    public static RecordingClient connectFrom(String url, String origin) {
        return new RecordingClient(url, origin, null);
    }

    /** The socket id from {@code connection_established}, or {@code null} if the server refused. */
    public String socketId() {
        return socketId;
    }

    /** The {@code connection_established} frame as received, or {@code null} if the server refused. */
    public ReceivedEvent established() {
        return established;
    }

    public void sendText(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Sends {@code {"event", "channel"?, "data"}} with {@code data} as a JSON value. */
    public void send(String event, String channel, JsonNode data) {
        ObjectNode message = JSON.createObjectNode().put("event", event);
        if (channel != null) {
            message.put("channel", channel);
        }
        message.set("data", data);
        sendText(message.toString());
    }

    public void sendBinary(byte[] payload) {
        socket.sendBinary(ByteBuffer.wrap(payload), true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Sends a WebSocket-level ping frame (not {@code pusher:ping}); see {@link #awaitPong()}. */
    public void sendPing(byte[] payload) {
        socket.sendPing(ByteBuffer.wrap(payload)).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** The payload of the next WebSocket-level pong frame, failing if none arrives within {@link #TIMEOUT}. */
    public byte[] awaitPong() {
        try {
            ByteBuffer pong = pongs.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (pong == null) {
                throw new AssertionError("no pong frame within " + TIMEOUT.toMillis() + " ms");
            }
            byte[] payload = new byte[pong.remaining()];
            pong.get(payload);
            return payload;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Subscribes without auth (public channels). */
    public void subscribe(String channel) {
        subscribe(channel, null, null);
    }

    public void subscribe(String channel, String auth, String channelData) {
        ObjectNode data = JSON.createObjectNode().put("channel", channel);
        if (auth != null) {
            data.put("auth", auth);
        }
        if (channelData != null) {
            data.put("channel_data", channelData);
        }
        send(PusherEvents.SUBSCRIBE, null, data);
    }

    /** Subscribes to a private or encrypted channel, signing as the app's auth endpoint would. */
    public void subscribeSigned(App app, String channel) {
        String signature = ChannelAuth.channelSignature(app.secret(), socketId, channel, null);
        subscribe(channel, ChannelAuth.authString(app.key(), signature), null);
    }

    /** Subscribes to a presence channel as {@code userId} with {@code userInfo} (JSON), signed. */
    public void subscribePresence(App app, String channel, String userId, String userInfoJson) {
        String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":" + userInfoJson + "}";
        String signature = ChannelAuth.channelSignature(app.secret(), socketId, channel, channelData);
        subscribe(channel, ChannelAuth.authString(app.key(), signature), channelData);
    }

    /**
     * Sends {@code pusher:signin} with {@code userDataJson} ({@code {"id":…, "watchlist"?:[…]}}),
     * signed as the app's user-authentication endpoint would.
     */
    public void signIn(App app, String userDataJson) {
        String signature = ChannelAuth.userSignature(app.secret(), socketId, userDataJson);
        send(PusherEvents.SIGNIN, null, JSON.createObjectNode()
                .put("auth", ChannelAuth.authString(app.key(), signature))
                .put("user_data", userDataJson));
    }

    public void unsubscribe(String channel) {
        send(PusherEvents.UNSUBSCRIBE, null, JSON.createObjectNode().put("channel", channel));
    }

    /** The next frame, failing the test if none arrives within {@link #TIMEOUT}. */
    public ReceivedEvent nextEvent() {
        return nextEvent(TIMEOUT);
    }

    public ReceivedEvent nextEvent(Duration timeout) {
        try {
            ReceivedEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no frame within " + timeout.toMillis() + " ms"
                        + (closed.isDone() ? " (closed with " + closed.join() + ")" : ""));
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Skips frames until one named {@code event} arrives; fails with the skipped ones if none does. */
    public ReceivedEvent awaitEvent(String event) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            ReceivedEvent next;
            try {
                next = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (next == null) {
                throw new AssertionError("no " + event + " within " + TIMEOUT.toMillis() + " ms; got " + skipped);
            }
            if (event.equals(next.event())) {
                return next;
            }
            skipped.add(next.raw());
        }
    }

    /** Asserts that nothing arrives for {@code quiet}. */
    public void assertNoEvent(Duration quiet) {
        try {
            ReceivedEvent event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("expected no frame").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Awaits {@code subscription_succeeded} for {@code channel} and returns it. */
    public ReceivedEvent assertSubscribed(String channel) {
        ReceivedEvent event = awaitEvent(PusherEvents.SUBSCRIPTION_SUCCEEDED);
        assertThat(event.channel()).isEqualTo(channel);
        return event;
    }

    /** Awaits {@code subscription_error} for {@code channel} with HTTP-like {@code status}; returns its data. */
    public JsonNode assertSubscriptionError(String channel, int status) {
        ReceivedEvent event = awaitEvent(PusherEvents.SUBSCRIPTION_ERROR);
        assertThat(event.channel()).isEqualTo(channel);
        JsonNode data = event.json();
        assertThat(data.get("status").asInt()).as("subscription_error status in %s", event).isEqualTo(status);
        assertThat(data.get("error").asText()).isNotBlank();
        return data;
    }

    /** Awaits {@code pusher:error} with {@code code} ({@code null} for none); returns its message. */
    public String assertError(Integer code) {
        ReceivedEvent event = awaitEvent(PusherEvents.ERROR);
        JsonNode data = event.json();
        JsonNode actual = data.get("code");
        assertThat(actual == null || actual.isNull() ? null : actual.asInt()).as("code in %s", event).isEqualTo(code);
        assertThat(data.get("message").asText()).isNotBlank();
        return data.get("message").asText();
    }

    /** Awaits the server closing the socket with {@code code}. */
    public void assertClosed(int code) {
        assertThat(closeCode(TIMEOUT)).as("close code").isEqualTo(code);
    }

    /** Completes with the close code when the socket closes, on the WebSocket's thread. */
    public CompletionStage<Integer> whenClosed() {
        return closed.copy();
    }

    /** The close code the server sent, waiting up to {@code timeout}; fails if it stays open. */
    public int closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + timeout.toMillis() + " ms", e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Frames received and not yet consumed. */
    public List<ReceivedEvent> drain() {
        List<ReceivedEvent> list = new ArrayList<>();
        events.drainTo(list);
        return list;
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            socket.abort();
        }
    }

    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(ReceivedEvent.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            ByteBuffer copy = ByteBuffer.allocate(message.remaining()).put(message).flip();
            pongs.add(copy);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
