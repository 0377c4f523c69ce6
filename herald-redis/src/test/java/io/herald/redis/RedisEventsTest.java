package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Events published on one node reach the subscribers of every node, once, over a
 * real redis-server and a real Redis Cluster.
 */
class RedisEventsTest extends TwoNodesOnEachRedis {

    @Test
    void apiEventOnOneNodeReachesSubscribersOnBothNodesExactlyOnce() {
        try (RecordingClient onA = a.connect(); RecordingClient onB = b.connect()) {
            onA.subscribe("news");
            onA.assertSubscribed("news");
            onB.subscribe("news");
            onB.assertSubscribed("news");

            trigger(a, "{\"name\":\"headline\",\"channel\":\"news\",\"data\":\"hello\"}");

            for (RecordingClient client : new RecordingClient[] {onA, onB}) {
                ReceivedEvent event = client.awaitEvent("headline");
                assertThat(event.channel()).isEqualTo("news");
                assertThat(event.data().asText()).isEqualTo("hello");
                client.assertNoEvent(QUIET);
            }
        }
    }

    @Test
    void excludedSocketOnAnotherNodeDoesNotReceiveTheEvent() {
        try (RecordingClient onA = a.connect(); RecordingClient excluded = b.connect();
             RecordingClient otherOnB = b.connect()) {
            for (RecordingClient client : new RecordingClient[] {onA, excluded, otherOnB}) {
                client.subscribe("scores");
                client.assertSubscribed("scores");
            }

            trigger(a, "{\"name\":\"goal\",\"channel\":\"scores\",\"data\":\"1-0\",\"socket_id\":\"" + excluded.socketId() + "\"}");

            onA.awaitEvent("goal");
            otherOnB.awaitEvent("goal");
            excluded.assertNoEvent(QUIET);
        }
    }

    @Test
    void clientEventReachesOtherNodesButNotItsSender() {
        try (RecordingClient sender = a.connect(); RecordingClient onB = b.connect()) {
            sender.subscribeSigned(TestServer.APP, "private-chat");
            sender.assertSubscribed("private-chat");
            onB.subscribeSigned(TestServer.APP, "private-chat");
            onB.assertSubscribed("private-chat");

            sender.send("client-typing", "private-chat", JsonNodeFactory.instance.objectNode().put("who", "ann"));

            ReceivedEvent event = onB.awaitEvent("client-typing");
            assertThat(event.raw()).contains("\"who\":\"ann\"");
            onB.assertNoEvent(QUIET);
            sender.assertNoEvent(QUIET);
        }
    }

    @Test
    void aNodeStartedLaterKnowsTheLastEventOfACacheChannel() {
        trigger(a, "{\"name\":\"price\",\"channel\":\"cache-prices\",\"data\":\"42\"}");
        try (TestServer late = ClusterNodes.node(cluster.redis()); RecordingClient client = late.connect()) {
            client.subscribe("cache-prices");
            client.assertSubscribed("cache-prices");
            ReceivedEvent cached = client.nextEvent();
            assertThat(cached.event()).isEqualTo("price");
            assertThat(cached.data().asText()).isEqualTo("42");
        }
    }

    static void trigger(TestServer node, String body) {
        assertThat(node.api().post("/apps/app-id/events", body).status()).isEqualTo(200);
    }

    @Test
    void nodeIsReadyWhileRedisAnswers() {
        assertThat(a.api().sendRaw("GET", "/ready", "").status()).isEqualTo(200);
    }
}
