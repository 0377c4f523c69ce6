package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code POST /events} and {@code POST /batch_events}: delivery, event ids, socket exclusion and channel info. */
class EventsEndpointTest extends LiveServerTestBase {

    private static final String EVENTS = "/apps/app-id/events";
    private static final String BATCH = "/apps/app-id/batch_events";

    @Test
    void eventReachesTheSubscribersOfEveryListedChannel() {
        RecordingClient newsReader = server.subscriber("news");
        RecordingClient sportReader = server.subscriber("sport");
        RecordingClient readsBoth = server.subscriber("news", "sport");

        assertOk(api.post(EVENTS, Bodies.trigger("flash", "{\"headline\":\"hi\"}", "news", "sport").toString()));

        assertEvent(newsReader.awaitEvent("flash"), "news");
        assertEvent(sportReader.awaitEvent("flash"), "sport");
        Set<String> channels = Set.of(readsBoth.awaitEvent("flash").channel(), readsBoth.awaitEvent("flash").channel());
        assertThat(channels).containsExactlyInAnyOrder("news", "sport");
    }

    @Test
    void eachEventGetsItsOwnEventId() {
        String first = assertOk(api.post(EVENTS, Bodies.trigger("flash", "{}", "news").toString())).get("event_id").asText();
        String second = assertOk(api.post(EVENTS, Bodies.trigger("flash", "{}", "news").toString())).get("event_id").asText();

        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void socketIdExcludesExactlyThatConnection() {
        RecordingClient sender = server.subscriber("news");
        RecordingClient other = server.subscriber("news");

        assertOk(api.post(EVENTS, Bodies.trigger("echo", "{}", "news").put("socket_id", sender.socketId()).toString()));
        assertOk(api.post(EVENTS, Bodies.trigger("after", "{}", "news").toString()));

        assertThat(other.nextEvent().event()).isEqualTo("echo");
        assertThat(other.nextEvent().event()).isEqualTo("after");
        // The sender's connection delivers in order: had "echo" been sent to it, it would come first.
        assertThat(sender.nextEvent().event()).isEqualTo("after");
    }

    @Test
    void infoReportsUserCountForPresenceAndSubscriptionCountForEveryChannel() {
        server.member("presence-room", "1");
        server.member("presence-room", "1"); // a second connection of the same user
        server.member("presence-room", "2");
        server.subscriber("news");
        server.subscriber("news");

        JsonNode body = assertOk(api.post(EVENTS, Bodies.trigger("flash", "{}", "presence-room", "news", "empty")
                .put("info", "user_count,subscription_count").toString()));

        JsonNode channels = body.get("channels");
        assertThat(channels.get("presence-room").get("user_count").asInt()).isEqualTo(2);
        assertThat(channels.get("presence-room").get("subscription_count").asInt()).isEqualTo(3);
        assertThat(channels.get("news").get("subscription_count").asInt()).isEqualTo(2);
        assertThat(channels.get("news").has("user_count")).as("user_count on a public channel").isFalse();
        assertThat(channels.get("empty").get("subscription_count").asInt()).isZero();
    }

    @Test
    void withoutInfoTheResponseHasNoChannels() {
        server.subscriber("news");

        JsonNode body = assertOk(api.post(EVENTS, Bodies.trigger("flash", "{}", "news").toString()));

        assertThat(body.has("channels")).isFalse();
    }

    @Test
    void batchDeliversEveryEventAndReportsEachEventIdAndInfo() {
        RecordingClient newsReader = server.subscriber("news");
        RecordingClient member = server.member("presence-room", "1");
        List<ObjectNode> items = List.of(
                Bodies.batchItem("first", "{\"n\":1}", "news"),
                Bodies.batchItem("second", "{\"n\":2}", "presence-room").put("info", "user_count,subscription_count"),
                Bodies.batchItem("third", "{\"n\":3}", "news").put("info", "subscription_count"));

        JsonNode body = assertOk(api.post(BATCH, Bodies.batch(items).toString()));

        assertThat(newsReader.awaitEvent("first").json().get("n").asInt()).isEqualTo(1);
        assertThat(newsReader.awaitEvent("third").json().get("n").asInt()).isEqualTo(3);
        assertThat(member.awaitEvent("second").json().get("n").asInt()).isEqualTo(2);
        JsonNode results = body.get("batch");
        assertThat(results).hasSize(3);
        Set<String> ids = new HashSet<>();
        results.forEach(result -> ids.add(result.get("event_id").asText()));
        assertThat(ids).hasSize(3).doesNotContain("");
        assertThat(results.get(1).get("user_count").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("subscription_count").asInt()).isEqualTo(1);
        assertThat(results.get(2).get("subscription_count").asInt()).isEqualTo(1);
        assertThat(results.get(2).has("user_count")).isFalse();
    }

    @Test
    void batchItemSocketIdExcludesThatConnection() {
        RecordingClient sender = server.subscriber("news");
        RecordingClient other = server.subscriber("news");
        List<ObjectNode> items = List.of(
                Bodies.batchItem("echo", "{}", "news").put("socket_id", sender.socketId()),
                Bodies.batchItem("after", "{}", "news"));

        assertOk(api.post(BATCH, Bodies.batch(items).toString()));

        assertThat(other.nextEvent().event()).isEqualTo("echo");
        assertThat(sender.nextEvent().event()).isEqualTo("after");
    }

    private static void assertEvent(ReceivedEvent event, String channel) {
        assertThat(event.channel()).isEqualTo(channel);
        assertThat(event.data().isTextual()).as("data is sent as a JSON string: %s", event).isTrue();
        assertThat(event.json().get("headline").asText()).isEqualTo("hi");
    }
}
