package io.herald.tests.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.sdk.webhook.WebhookEvent;
import io.herald.sdk.webhook.WebhookEvent.CacheMiss;
import io.herald.sdk.webhook.WebhookEvent.ChannelOccupied;
import io.herald.sdk.webhook.WebhookEvent.ChannelVacated;
import io.herald.sdk.webhook.WebhookEvent.ClientEvent;
import io.herald.sdk.webhook.WebhookEvent.MemberAdded;
import io.herald.sdk.webhook.WebhookEvent.MemberRemoved;
import io.herald.sdk.webhook.WebhookEvent.SubscriptionCount;
import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import io.herald.server.config.ServerOptions;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.WebhookReceiver;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Webhooks to a real HTTP receiver: each type once and signed (checked with herald-sdk and
 * pusher-http-java), the grace period against reload flapping, retries, isolation of a dead endpoint,
 * filters, the bounded queue and the flush on shutdown.
 */
class WebhookDeliveryTest {

    private static final App APP = TestServer.APP;
    private static final Duration GRACE = Duration.ofMillis(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTypeArrivesExactlyOnceAndSignedCorrectly() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> { }, APP.toBuilder().subscriptionCounts(true)
                     .addWebhook(receiver.endpointForAll()).build());
             RecordingClient alice = server.connect();
             RecordingClient bob = server.connect()) {
            alice.subscribePresence(APP, "presence-room", "u1", "{\"name\":\"Alice\"}");
            alice.assertSubscribed("presence-room");
            alice.send("client-hi", "presence-room", JsonNodeFactory.instance.objectNode().put("text", "hello"));
            bob.subscribe("cache-board");
            bob.assertSubscribed("cache-board");
            alice.unsubscribe("presence-room");

            List<WebhookEvent> events = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                events.add(receiver.nextEvent());
            }
            receiver.assertNoEvent(GRACE.plusMillis(300));

            assertThat(events).containsExactlyInAnyOrder(
                    new ChannelOccupied("presence-room"),
                    new MemberAdded("presence-room", "u1"),
                    new ClientEvent("presence-room", "client-hi", "{\"text\":\"hello\"}", alice.socketId(), "u1"),
                    new ChannelOccupied("cache-board"),
                    new CacheMiss("cache-board"),
                    new SubscriptionCount("cache-board", 1),
                    new MemberRemoved("presence-room", "u1"),
                    new ChannelVacated("presence-room"));
            assertThat(events.indexOf(new ChannelOccupied("presence-room")))
                    .isLessThan(events.indexOf(new ChannelVacated("presence-room")));
            receiver.assertAllSignedCorrectly();
            for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
                assertThat(JSON.readTree(delivery.body()).get("time_ms").asLong())
                        .isCloseTo(System.currentTimeMillis(), within(10_000L));
            }
        }
    }

    @Test
    void aTabReloadWithinTheGraceSendsNoVacatedOccupiedPairButARealLeaveDoes() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> { }, APP.toBuilder().addWebhook(receiver.endpointForAll()).build())) {
            RecordingClient before = server.connect();
            before.subscribePresence(APP, "presence-doc", "u1", "{}");
            before.assertSubscribed("presence-doc");
            receiver.expect(new ChannelOccupied("presence-doc"));
            receiver.expect(new MemberAdded("presence-doc", "u1"));

            before.close(); // the reload: the same user is back well within the grace period
            try (RecordingClient after = server.connect()) {
                after.subscribePresence(APP, "presence-doc", "u1", "{}");
                after.assertSubscribed("presence-doc");

                receiver.assertNoEvent(GRACE.multipliedBy(3));
            }

            // The tab closed for good: both departures arrive once the grace period is over.
            List<WebhookEvent> leave = List.of(receiver.nextEvent(), receiver.nextEvent());
            assertThat(leave).containsExactlyInAnyOrder(new MemberRemoved("presence-doc", "u1"),
                    new ChannelVacated("presence-doc"));
            receiver.assertNoEvent(GRACE);
        }
    }

    @Test
    void aReceiverThatFailsTheFirstAttemptsStillGetsTheBatchLater() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> b.webhookRetryBackoff(Duration.ofMillis(50)),
                     APP.toBuilder().addWebhook(receiver.endpoint(WebhookType.CHANNEL_OCCUPIED)).build());
             RecordingClient client = server.connect()) {
            receiver.refuseNext(2);

            client.subscribe("flaky");

            receiver.expect(new ChannelOccupied("flaky"));
            List<WebhookReceiver.Delivery> attempts = receiver.deliveries();
            assertThat(attempts).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(503, 503, 200);
            assertThat(attempts).extracting(WebhookReceiver.Delivery::body).containsOnly(attempts.get(0).body());
            receiver.assertAllSignedCorrectly();
            // One id for every attempt of the batch, so a receiver can drop a duplicate; a new batch, a new id.
            String id = attempts.get(0).id();
            assertThat(id).matches("[0-9a-f]{32}");
            assertThat(attempts).extracting(WebhookReceiver.Delivery::id).containsOnly(id);
            client.subscribe("steady");
            receiver.expect(new ChannelOccupied("steady"));
            assertThat(receiver.deliveries().get(3).id()).isNotNull().isNotEqualTo(id);
        }
    }

    /**
     * Issue 11, defect 5: with the receiver down 65 s, nothing arrived for another 62 s after it came
     * back. Now, with the default retry settings, the backlog and the events of the moment both arrive
     * within 2 s of its return, in order, and the outage is logged once at WARN and the recovery once at INFO.
     */
    @Test
    void aReceiverDownForTenSecondsGetsItsBacklogAndNewEventsWithinTwoSecondsOfItsReturnInOrder() throws Exception {
        ch.qos.logback.classic.Logger senderLog = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("io.herald.server.webhook.EndpointSender");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Level before = senderLog.getLevel();
        senderLog.setLevel(Level.INFO);
        senderLog.addAppender(logged);
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = TestServer.start(b -> b.apps(List.of(
                     APP.toBuilder().addWebhook(receiver.endpoint(WebhookType.CHANNEL_OCCUPIED)).build())));
             RecordingClient client = server.connect()) {
            client.subscribe("before");
            client.assertSubscribed("before");
            receiver.expect(new ChannelOccupied("before"));

            receiver.goDown();
            long downAt = System.nanoTime();
            List<WebhookEvent> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    Thread.sleep(5_000); // some early in the outage, some late
                }
                client.subscribe("during-" + i);
                client.assertSubscribed("during-" + i);
                expected.add(new ChannelOccupied("during-" + i));
            }
            Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - Duration.ofNanos(System.nanoTime() - downAt).toMillis()));
            assertThat(server.server().webhookQueueDepths()).singleElement()
                    .satisfies(d -> assertThat(d.events()).isEqualTo(6));

            receiver.comeBack();
            long backAt = System.nanoTime();
            client.subscribe("after");
            client.assertSubscribed("after");
            expected.add(new ChannelOccupied("after"));

            List<WebhookEvent> arrived = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                long left = Duration.ofSeconds(2).toNanos() - (System.nanoTime() - backAt);
                arrived.add(receiver.nextEvent(Duration.ofNanos(Math.max(1_000_000, left))));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - backAt);
            System.out.printf("backlog of 6 and 1 new event delivered %d ms after the receiver came back%n", took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(arrived).containsExactlyElementsOf(expected);
            // The queue lets go of a batch when the receiver's answer is read, a moment after the receiver saw it.
            Eventually.check(Duration.ofSeconds(1), () -> assertThat(server.server().webhookQueueDepths())
                    .singleElement().satisfies(d -> assertThat(d.events()).isZero()));

            long waitForInfo = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (logged.list.stream().noneMatch(e -> e.getLevel() == Level.INFO) && System.nanoTime() < waitForInfo) {
                Thread.sleep(20);
            }
            assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains(receiver.url(), "is failing", "event(s) queued"));
            assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.INFO)
                    .singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains(receiver.url(), "is back after", "delivered 7 event(s)", "0 given up"));
        } finally {
            senderLog.detachAppender(logged);
            senderLog.setLevel(before);
        }
    }

    @Test
    void aTimedOutRequestIsRetried() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> b.webhookRetryBackoff(Duration.ofMillis(50))
                             .webhookRequestTimeout(Duration.ofMillis(300)).shutdownTimeout(Duration.ofSeconds(1)),
                     APP.toBuilder().addWebhook(receiver.endpoint(WebhookType.CHANNEL_OCCUPIED)).build());
             RecordingClient client = server.connect()) {
            receiver.stallNext(1);

            client.subscribe("slow");

            receiver.expect(new ChannelOccupied("slow"));
        }
    }

    /** Only the answer's status is read: an endpoint that never ends its body holds up no later batch. */
    @Test
    void anAnswerWhoseBodyNeverEndsHoldsUpNoLaterBatch() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> b.shutdownTimeout(Duration.ofSeconds(1)),
                     APP.toBuilder().addWebhook(receiver.endpoint(WebhookType.CHANNEL_OCCUPIED)).build());
             RecordingClient client = server.connect()) {
            receiver.dribbleNext(1);
            client.subscribe("first");
            receiver.expect(new ChannelOccupied("first"));

            client.subscribe("second");
            receiver.expect(new ChannelOccupied("second"));
            assertThat(receiver.deliveries()).hasSize(2); // the first counted as delivered: not sent again
        }
    }

    @Test
    void aBatchIsGivenUpAfterTheRetryHorizonAndLaterOnesStillArrive() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> b.webhookRetryBackoff(Duration.ofMillis(50))
                             .webhookRetryHorizon(Duration.ofMillis(400)),
                     APP.toBuilder().addWebhook(receiver.endpoint(WebhookType.CHANNEL_OCCUPIED)).build());
             RecordingClient client = server.connect()) {
            receiver.refuseNext(1000);
            client.subscribe("lost");
            client.assertSubscribed("lost");
            receiver.assertNoEvent(Duration.ofMillis(800)); // 50, 100, 200 ms retries, then given up
            int attempts = receiver.deliveries().size();
            assertThat(attempts).isBetween(2, 5);

            receiver.refuseNext(0);
            client.subscribe("found");

            receiver.expect(new ChannelOccupied("found"));
            assertThat(receiver.deliveries()).hasSize(attempts + 1); // the lost batch was not retried again
        }
    }

    @Test
    void memberEventsArePerUserNotPerConnection() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = start(b -> { }, APP.toBuilder()
                     .addWebhook(receiver.endpoint(WebhookType.MEMBER_ADDED, WebhookType.MEMBER_REMOVED)).build());
             RecordingClient first = server.connect();
             RecordingClient second = server.connect();
             RecordingClient other = server.connect()) {
            first.subscribePresence(APP, "presence-team", "u1", "{}");
            first.assertSubscribed("presence-team");
            receiver.expect(new MemberAdded("presence-team", "u1"));
            other.subscribePresence(APP, "presence-team", "u2", "{}");
            receiver.expect(new MemberAdded("presence-team", "u2"));

            second.subscribePresence(APP, "presence-team", "u1", "{}");
            second.assertSubscribed("presence-team");
            first.unsubscribe("presence-team");
            receiver.assertNoEvent(GRACE.multipliedBy(2)); // u1 is still there on its second connection

            second.unsubscribe("presence-team");
            receiver.expect(new MemberRemoved("presence-team", "u1"));
            receiver.assertNoEvent(GRACE);
        }
    }

    @Test
    void aDeadOrRefusingEndpointDoesNotDelayAHealthyOneOrAnotherApp() throws Exception {
        App other = App.builder("other", "other-key", "other-secret").build();
        try (WebhookReceiver dead = WebhookReceiver.start(APP);
             WebhookReceiver healthy = WebhookReceiver.start(APP);
             WebhookReceiver otherApps = WebhookReceiver.start(other)) {
            dead.hang();
            WebhookEndpoint refusing = WebhookEndpoint.of("http://127.0.0.1:" + freePort() + "/down",
                    WebhookType.CHANNEL_OCCUPIED);
            App app = APP.toBuilder().addWebhook(dead.endpoint(WebhookType.CHANNEL_OCCUPIED)).addWebhook(refusing)
                    .addWebhook(healthy.endpoint(WebhookType.CHANNEL_OCCUPIED)).build();
            App second = other.toBuilder().addWebhook(otherApps.endpoint(WebhookType.CHANNEL_OCCUPIED)).build();
            try (TestServer server = TestServer.start(b -> fast(b).webhookBatchMaxSize(1)
                     .webhookRequestTimeout(Duration.ofSeconds(30)).shutdownTimeout(Duration.ofSeconds(1))
                     .apps(List.of(app, second)));
                 RecordingClient client = server.connect();
                 RecordingClient otherClient = server.connect(second)) {
                for (int i = 0; i < 5; i++) {
                    client.subscribe("room-" + i);
                    otherClient.subscribe("room-" + i);
                }

                // Each batch holds one event, so the dead endpoint is stuck on its first request for
                // 30 s; the others must get all five promptly.
                Duration prompt = Duration.ofSeconds(3);
                for (int i = 0; i < 5; i++) {
                    assertThat(healthy.nextEvent(prompt)).isEqualTo(new ChannelOccupied("room-" + i));
                    assertThat(otherApps.nextEvent(prompt)).isEqualTo(new ChannelOccupied("room-" + i));
                }
            }
        }
    }

    @Test
    void endpointsGetOnlyTheirTypesAndChannelPrefix() {
        try (WebhookReceiver presenceOnly = WebhookReceiver.start(APP)) {
            WebhookEndpoint endpoint = new WebhookEndpoint(URI.create(presenceOnly.url()),
                    Set.of(WebhookType.MEMBER_ADDED), "presence-team-");
            try (TestServer server = start(b -> { }, APP.toBuilder().addWebhook(endpoint).build());
                 RecordingClient client = server.connect()) {
                client.subscribe("public-room");
                client.subscribePresence(APP, "presence-lobby", "u1", "{}");
                client.subscribePresence(APP, "presence-team-a", "u1", "{}");
                client.assertSubscribed("public-room");

                presenceOnly.expect(new MemberAdded("presence-team-a", "u1"));
                presenceOnly.assertNoEvent(Duration.ofMillis(300));
            }
        }
    }

    @Test
    void aFullQueueDropsAndCountsEventsInsteadOfGrowing() {
        try (WebhookReceiver dead = WebhookReceiver.start(APP)) {
            dead.hang();
            try (TestServer server = TestServer.start(b -> b.webhookBatchWindow(Duration.ofMillis(500))
                    .webhookBatchMaxSize(1).webhookQueueCapacity(3).shutdownTimeout(Duration.ofSeconds(1))
                    .apps(List.of(APP.toBuilder().addWebhook(dead.endpoint(WebhookType.CHANNEL_OCCUPIED)).build())));
                 RecordingClient client = server.connect()) {
                for (int i = 0; i < 20; i++) {
                    client.subscribe("c-" + i);
                }
                for (int i = 0; i < 20; i++) {
                    client.assertSubscribed("c-" + i);
                }

                // 3 fit in the queue (the first flush may already have taken one out): 16 or 17 dropped.
                assertThat(server.server().droppedWebhookEvents()).isBetween(16L, 17L);
            }
        }
    }

    @Test
    void aGracefulShutdownFlushesWhatIsQueuedAndTheDeparturesStillInTheirGrace() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP)) {
            TestServer server = TestServer.start(b -> b.webhookBatchWindow(Duration.ofSeconds(30))
                    .webhookGrace(Duration.ofSeconds(30))
                    .apps(List.of(APP.toBuilder().addWebhook(receiver.endpointForAll()).build())));
            RecordingClient client = server.connect();
            client.subscribe("closing-time");
            client.assertSubscribed("closing-time");

            server.close(); // closes the client (4200), so the channel is vacated during shutdown
            client.close();

            List<WebhookEvent> events = List.of(receiver.nextEvent(Duration.ofMillis(100)),
                    receiver.nextEvent(Duration.ofMillis(100)));
            assertThat(events).containsExactly(new ChannelOccupied("closing-time"), new ChannelVacated("closing-time"));
        }
    }

    private static TestServer start(Consumer<ServerOptions.Builder> more, App app) {
        return TestServer.start(b -> {
            fast(b).apps(List.of(app));
            more.accept(b);
        });
    }

    private static ServerOptions.Builder fast(ServerOptions.Builder b) {
        return b.webhookBatchWindow(Duration.ofMillis(20)).webhookGrace(GRACE);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again: connections to it are refused
        }
    }
}
