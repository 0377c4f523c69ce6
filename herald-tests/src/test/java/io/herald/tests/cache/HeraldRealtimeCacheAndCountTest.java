package io.herald.tests.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.client.HeraldRealtimeOptions;
import io.herald.client.HeraldRealtime;
import io.herald.client.PusherEvent;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** herald-client (io.herald.client) against cache channels and subscription counts. */
class HeraldRealtimeCacheAndCountTest {

    private static final App APP = TestServer.APP.toBuilder().subscriptionCounts(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void heraldClientGetsTheCachedEventAndCacheMiss() throws Exception {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(APP)));
             HeraldRealtime client = connect(server)) {
            String body = JsonNodeFactory.instance.objectNode().put("name", "state").put("channel", "cache-hc")
                    .put("data", "{\"v\":5}").toString();
            assertThat(server.api(APP).post("/apps/" + APP.id() + "/events", body).status()).isEqualTo(200);
            BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();

            // The cached event (or the miss) follows subscription_succeeded at once: bound before the
            // subscription is sent, the listener can't miss it, as one bound by this thread after
            // subscribe() returns could.
            client.subscribe("cache-hc", events::add, "state");
            client.subscribe("cache-hc-empty", events::add, PusherEvents.CACHE_MISS);

            List<PusherEvent> received = List.of(next(events), next(events));
            assertThat(received).extracting(PusherEvent::event)
                    .containsExactlyInAnyOrder("state", PusherEvents.CACHE_MISS);
            PusherEvent state = received.stream().filter(e -> e.event().equals("state")).findFirst().orElseThrow();
            assertThat(JSON.readTree(state.data()).get("v").asInt()).isEqualTo(5);
        }
    }

    @Test
    void heraldClientSubscribersHearSubscriptionCounts() throws Exception {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(APP)));
             HeraldRealtime first = connect(server);
             HeraldRealtime second = connect(server)) {
            BlockingQueue<PusherEvent> counts = new LinkedBlockingQueue<>();
            first.subscribe("counted", counts::add, PusherEvents.SUBSCRIPTION_COUNT);
            assertThat(count(next(counts))).isEqualTo(1);

            second.subscribe("counted");

            assertThat(count(next(counts))).isEqualTo(2);
        }
    }

    private static HeraldRealtime connect(TestServer server) {
        HeraldRealtime client = new HeraldRealtime(HeraldRealtimeOptions.builder(APP.key())
                .host("127.0.0.1").port(server.port()).tls(false).build());
        client.connect();
        return client;
    }

    private static int count(PusherEvent event) throws Exception {
        return JSON.readTree(event.data()).get("subscription_count").asInt();
    }

    private static PusherEvent next(BlockingQueue<PusherEvent> events) throws InterruptedException {
        PusherEvent event = events.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }
}
