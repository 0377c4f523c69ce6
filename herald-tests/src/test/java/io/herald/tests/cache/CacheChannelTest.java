package io.herald.tests.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.pusher.client.channel.PusherEvent;
import io.herald.protocol.PusherEvents;
import io.herald.sdk.webhook.WebhookEvent;
import io.herald.server.app.App;
import io.herald.server.app.WebhookType;
import io.herald.testkit.ApiClient;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.PusherJavaClient;
import io.herald.tests.support.WebhookReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cache channels: the last event for late joiners, pusher:cache_miss and its webhook, info=cache. */
class CacheChannelTest {

    private static final App APP = TestServer.APP;

    @Test
    void aLateJoinerGetsTheLastEventRightAfterSubscriptionSucceeded() {
        try (TestServer server = TestServer.start(); RecordingClient late = server.connect()) {
            trigger(server, "cache-prices", "price", "{\"eur\":1}");
            trigger(server, "cache-prices", "price", "{\"eur\":2}");

            late.subscribe("cache-prices");

            assertThat(late.nextEvent().event()).isEqualTo(PusherEvents.SUBSCRIPTION_SUCCEEDED);
            ReceivedEvent cached = late.nextEvent();
            assertThat(cached.event()).isEqualTo("price");
            assertThat(cached.channel()).isEqualTo("cache-prices");
            assertThat(cached.json().get("eur").asInt()).isEqualTo(2);
        }
    }

    @Test
    void theCachedEventComesBeforeTheSubscriptionCount() {
        App counted = APP.toBuilder().subscriptionCounts(true).build();
        try (TestServer server = TestServer.start(b -> b.apps(java.util.List.of(counted)));
             RecordingClient late = server.connect()) {
            trigger(server, "cache-counted", "price", "{}");

            late.subscribe("cache-counted");

            assertThat(late.nextEvent().event()).isEqualTo(PusherEvents.SUBSCRIPTION_SUCCEEDED);
            assertThat(late.nextEvent().event()).isEqualTo("price");
            assertThat(late.nextEvent().event()).isEqualTo(PusherEvents.SUBSCRIPTION_COUNT);
        }
    }

    @Test
    void everyCacheChannelTypeKeepsItsLastEvent() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            trigger(server, "private-cache-a", "e", "{}");
            trigger(server, "presence-cache-b", "e", "{}");
            trigger(server, "private-encrypted-cache-c", "e", "{\"nonce\":\"bm9uY2U=\",\"ciphertext\":\"eA==\"}");

            client.subscribeSigned(APP, "private-cache-a");
            client.assertSubscribed("private-cache-a");
            assertThat(client.nextEvent().event()).isEqualTo("e");
            client.subscribePresence(APP, "presence-cache-b", "u1", "{}");
            client.assertSubscribed("presence-cache-b");
            assertThat(client.nextEvent().event()).isEqualTo("e");
            client.subscribeSigned(APP, "private-encrypted-cache-c");
            client.assertSubscribed("private-encrypted-cache-c");
            ReceivedEvent encrypted = client.nextEvent();
            assertThat(encrypted.json().get("ciphertext").asText()).isEqualTo("eA==");
        }
    }

    @Test
    void anEmptyCacheChannelSendsCacheMissAndACacheMissWebhook() {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             TestServer server = TestServer.start(b -> b.webhookBatchWindow(Duration.ofMillis(10))
                     .apps(java.util.List.of(APP.toBuilder().addWebhook(receiver.endpoint(WebhookType.CACHE_MISS)).build())));
             RecordingClient client = server.connect()) {
            client.subscribe("cache-empty");

            client.assertSubscribed("cache-empty");
            ReceivedEvent miss = client.nextEvent();
            assertThat(miss.event()).isEqualTo(PusherEvents.CACHE_MISS);
            assertThat(miss.channel()).isEqualTo("cache-empty");
            receiver.expect(new WebhookEvent.CacheMiss("cache-empty"));
            receiver.assertAllSignedCorrectly();
        }
    }

    @Test
    void aCachedEventExpiresAfterTheTtl() {
        try (TestServer server = TestServer.start(b -> b.cacheTtl(Duration.ofMillis(200)));
             RecordingClient early = server.connect()) {
            // Subscribed before the event, so a slow machine can't let it expire before it is seen.
            early.subscribe("cache-short");
            early.assertSubscribed("cache-short");
            assertThat(early.nextEvent().event()).isEqualTo(PusherEvents.CACHE_MISS);
            trigger(server, "cache-short", "e", "{}");
            assertThat(early.nextEvent().event()).isEqualTo("e");
            early.unsubscribe("cache-short");

            early.assertNoEvent(Duration.ofMillis(300)); // let the 200 ms TTL pass
            early.subscribe("cache-short");

            early.assertSubscribed("cache-short");
            assertThat(early.nextEvent().event()).isEqualTo(PusherEvents.CACHE_MISS);
        }
    }

    @Test
    void clientEventsAreNotCached() {
        try (TestServer server = TestServer.start();
             RecordingClient sender = server.connect();
             RecordingClient late = server.connect()) {
            sender.subscribeSigned(APP, "private-cache-chat");
            sender.assertSubscribed("private-cache-chat");
            sender.awaitEvent(PusherEvents.CACHE_MISS);
            sender.send("client-typing", "private-cache-chat", JsonNodeFactory.instance.objectNode());

            late.subscribeSigned(APP, "private-cache-chat");

            late.assertSubscribed("private-cache-chat");
            assertThat(late.nextEvent().event()).isEqualTo(PusherEvents.CACHE_MISS);
        }
    }

    @Test
    void theChannelQueryReportsTheCachedEventWithInfoCache() {
        try (TestServer server = TestServer.start()) {
            trigger(server, "cache-q", "state", "{\"v\":7}");
            ApiClient api = server.api();

            JsonNode body = api.get("/apps/" + APP.id() + "/channels/cache-q", Map.of("info", "cache")).body();

            assertThat(body.get("occupied").asBoolean()).isFalse();
            assertThat(body.get("cache").get("event").asText()).isEqualTo("state");
            assertThat(body.get("cache").get("data").asText()).isEqualTo("{\"v\":7}");
            assertThat(body.get("cache").get("ttl").asLong()).isBetween(1L, 1800L);
            JsonNode empty = api.get("/apps/" + APP.id() + "/channels/cache-none", Map.of("info", "cache")).body();
            assertThat(empty.has("cache")).isFalse();
        }
    }

    @Test
    void pusherJavaClientReceivesTheCachedEventAndCacheMiss() {
        try (TestServer server = TestServer.start(); PusherJavaClient client = PusherJavaClient.connect(server, APP)) {
            trigger(server, "cache-java", "snapshot", "{\"x\":1}");

            client.subscribe("cache-java", "snapshot");
            client.subscribe("cache-java-empty", PusherEvents.CACHE_MISS);

            PusherEvent first = client.nextEvent();
            PusherEvent second = client.nextEvent();
            PusherEvent snapshot = first.getEventName().equals("snapshot") ? first : second;
            PusherEvent miss = snapshot == first ? second : first;
            assertThat(snapshot.getEventName()).isEqualTo("snapshot");
            assertThat(snapshot.getData()).isEqualTo("{\"x\":1}");
            assertThat(miss.getEventName()).isEqualTo(PusherEvents.CACHE_MISS);
            assertThat(miss.getChannelName()).isEqualTo("cache-java-empty");
        }
    }

    private static void trigger(TestServer server, String channel, String event, String data) {
        String body = JsonNodeFactory.instance.objectNode().put("name", event).put("channel", channel)
                .put("data", data).toString();
        assertThat(server.api().post("/apps/" + APP.id() + "/events", body).status()).isEqualTo(200);
    }
}
