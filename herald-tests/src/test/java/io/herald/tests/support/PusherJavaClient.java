package io.herald.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import io.herald.protocol.ChannelAuth;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The official pusher-java-client connected to a test server, signing user sign-ins locally as an
 * app's auth endpoint would, and recording the events bound through it.
 */
public final class PusherJavaClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pusher pusher;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();

    private PusherJavaClient(TestServer server, App app, String userDataJson) {
        PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false);
        if (userDataJson != null) {
            options.setUserAuthenticator(socketId -> JSON.createObjectNode()
                    .put("auth", ChannelAuth.authString(app.key(),
                            ChannelAuth.userSignature(app.secret(), socketId, userDataJson)))
                    .put("user_data", userDataJson)
                    .toString());
        }
        this.pusher = new Pusher(app.key(), options);
        pusher.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
                if (change.getCurrentState() == ConnectionState.CONNECTED) {
                    connected.countDown();
                }
            }

            @Override
            public void onError(String message, String code, Exception e) {
            }
        }, ConnectionState.ALL);
        await(connected, "connected");
    }

    /** A connected client that signs in as the user in {@code userDataJson} ({@code {"id":…}}). */
    public static PusherJavaClient signedIn(TestServer server, App app, String userDataJson) {
        PusherJavaClient client = new PusherJavaClient(server, app, userDataJson);
        client.pusher.signin();
        return client;
    }

    /** A connected client that does not sign in. */
    public static PusherJavaClient connect(TestServer server, App app) {
        return new PusherJavaClient(server, app, null);
    }

    public Pusher pusher() {
        return pusher;
    }

    /** Records {@code event} on the signed-in user (events sent with sendToUser). */
    public void bindUserEvent(String event) {
        pusher.user().bind(event, events::add);
    }

    /**
     * Subscribes to a public channel and records {@code eventNames} on it. Bound as the subscription is
     * made, not after: an event the server sends right after subscription_succeeded (a cache channel's
     * last event) may otherwise be dispatched before anything listens for it.
     */
    public void subscribe(String channel, String... eventNames) {
        pusher.subscribe(channel, new ChannelEventListener() {
            @Override
            public void onSubscriptionSucceeded(String channelName) {
            }

            @Override
            public void onEvent(PusherEvent event) {
                events.add(event);
            }
        }, eventNames);
    }

    /** The next recorded event, failing if none arrives in time. */
    public PusherEvent nextEvent() {
        try {
            PusherEvent event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("a pusher-java-client event within %d ms", TIMEOUT.toMillis()).isNotNull();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until signin_success has been handled and the client's {@code #server-to-user-{id}}
     * subscription succeeded, as pusher-java-client does on its own after sign-in; returns the user id.
     */
    public String awaitSignedIn() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (pusher.user().userId() == null || !serverToUserSubscribed(pusher.user().userId())) {
            assertThat(System.nanoTime()).as("signed in within %d ms", TIMEOUT.toMillis()).isLessThan(deadline);
            sleepBriefly();
        }
        return pusher.user().userId();
    }

    private boolean serverToUserSubscribed(String userId) {
        var channel = pusher.getChannel("#server-to-user-" + userId);
        return channel != null && channel.isSubscribed();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10); // polling a state the client exposes no callback for; not a timing assertion
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            assertThat(latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as(what).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        pusher.disconnect();
    }
}
