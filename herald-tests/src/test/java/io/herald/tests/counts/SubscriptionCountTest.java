package io.herald.tests.counts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.PusherEvents;
import io.herald.sdk.webhook.WebhookEvent;
import io.herald.server.app.App;
import io.herald.server.app.WebhookType;
import io.herald.server.config.ServerOptions;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** pusher_internal:subscription_count, its webhook, its throttle, and info=subscription_count. */
class SubscriptionCountTest {

    private static final App COUNTED = TestServer.APP.toBuilder().subscriptionCounts(true).build();

    @Test
    void subscribersHearTheCountOnEveryChange() {
        try (TestServer server = start(b -> { });
             RecordingClient first = server.connect();
             RecordingClient second = server.connect()) {
            first.subscribe("room");
            first.assertSubscribed("room");
            assertThat(nextCount(first)).isEqualTo(1);

            second.subscribe("room");
            second.assertSubscribed("room");
            assertThat(nextCount(second)).isEqualTo(2);
            assertThat(nextCount(first)).isEqualTo(2);

            second.unsubscribe("room");
            assertThat(nextCount(first)).isEqualTo(1);
        }
    }

    @Test
    void appsThatDidNotOptInGetNoCounts() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            client.subscribe("room");
            client.assertSubscribed("room");

            client.assertNoEvent(Duration.ofMillis(300));
        }
    }

    @Test
    void eachCountSentIsAlsoASubscriptionCountWebhook() {
        try (WebhookReceiver receiver = WebhookReceiver.start(COUNTED);
             TestServer server = start(b -> b.webhookBatchWindow(Duration.ofMillis(10)).apps(List.of(
                     COUNTED.toBuilder().addWebhook(receiver.endpoint(WebhookType.SUBSCRIPTION_COUNT)).build())));
             RecordingClient first = server.connect();
             RecordingClient second = server.connect()) {
            first.subscribe("room");
            first.assertSubscribed("room");
            receiver.expect(new WebhookEvent.SubscriptionCount("room", 1));
            second.subscribe("room");
            receiver.expect(new WebhookEvent.SubscriptionCount("room", 2));

            receiver.assertAllSignedCorrectly();
        }
    }

    @Test
    void queriesAndTriggerResponsesReportTheSubscriptionCount() {
        try (TestServer server = start(b -> { });
             RecordingClient first = server.connect();
             RecordingClient second = server.connect()) {
            first.subscribe("room");
            first.assertSubscribed("room");
            second.subscribe("room");
            second.assertSubscribed("room");

            JsonNode channel = server.api(COUNTED).get("/apps/" + COUNTED.id() + "/channels/room",
                    Map.of("info", "subscription_count")).body();
            String trigger = JsonNodeFactory.instance.objectNode().put("name", "e").put("channel", "room")
                    .put("data", "{}").put("info", "subscription_count").toString();
            JsonNode triggered = server.api(COUNTED).post("/apps/" + COUNTED.id() + "/events", trigger).body();

            assertThat(channel.get("subscription_count").asInt()).isEqualTo(2);
            assertThat(triggered.get("channels").get("room").get("subscription_count").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aboveAHundredSubscribersCountsAreThrottledToOnePerInterval() {
        Duration interval = Duration.ofMillis(1000);
        List<RecordingClient> crowd = new ArrayList<>();
        try (TestServer server = start(b -> b.subscriptionCountInterval(interval));
             RecordingClient watcher = server.connect()) {
            watcher.subscribe("crowd");
            watcher.assertSubscribed("crowd");
            for (int i = 0; i < 100; i++) {
                RecordingClient client = server.connect();
                crowd.add(client);
                client.subscribe("crowd");
                client.assertSubscribed("crowd");
            }
            awaitCount(watcher, 101); // 1..100 unthrottled, 101 the first throttled one: sent at once
            long sentAt = System.nanoTime();

            for (int i = 0; i < 2; i++) {
                RecordingClient client = server.connect();
                crowd.add(client);
                client.subscribe("crowd");
            }

            assertThat(nextCount(watcher)).as("one update with the latest count, not 102 then 103").isEqualTo(103);
            // Unthrottled it would come within milliseconds; the interval runs from the server's send of 101.
            assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(interval.dividedBy(2));
        } finally {
            crowd.forEach(RecordingClient::close);
        }
    }

    private static TestServer start(Consumer<ServerOptions.Builder> more) {
        return TestServer.start(b -> {
            b.apps(List.of(COUNTED));
            more.accept(b);
        });
    }

    private static int nextCount(RecordingClient client) {
        ReceivedEvent event = client.awaitEvent(PusherEvents.SUBSCRIPTION_COUNT);
        return event.json().get("subscription_count").asInt();
    }

    private static void awaitCount(RecordingClient client, int expected) {
        while (nextCount(client) != expected) {
            // earlier counts of the ramp-up; awaitEvent fails the test if they stop coming
        }
    }
}
