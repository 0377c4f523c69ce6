package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static io.herald.tests.api.ApiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.RecordingClient;
import io.herald.tests.LiveServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /channels}, {@code GET /channels/{name}} and {@code GET /channels/{name}/users} against live subscriptions. */
class ChannelsEndpointTest extends LiveServerTestBase {

    private static final String CHANNELS = "/apps/app-id/channels";

    @Test
    void listsOnlyOccupiedChannels() {
        server.subscriber("news");
        server.member("presence-room", "1");
        RecordingClient leaver = server.subscriber("gone");
        LiveServer.unsubscribe(leaver, "gone");

        JsonNode body = assertOk(api.get(CHANNELS, Map.of()));

        assertThat(names(body.get("channels"))).containsExactlyInAnyOrder("news", "presence-room");
    }

    @Test
    void filtersByPrefixAndReportsUserCountForPresenceChannels() {
        server.subscriber("news");
        server.member("presence-room", "1");
        server.member("presence-room", "1");
        server.member("presence-room", "2");
        server.member("presence-lobby", "3");

        JsonNode presence = assertOk(api.get(CHANNELS, Map.of("filter_by_prefix", "presence-", "info", "user_count")));

        JsonNode channels = presence.get("channels");
        assertThat(names(channels)).containsExactlyInAnyOrder("presence-room", "presence-lobby");
        assertThat(channels.get("presence-room").get("user_count").asInt()).isEqualTo(2);
        assertThat(channels.get("presence-lobby").get("user_count").asInt()).isEqualTo(1);
        assertThat(names(assertOk(api.get(CHANNELS, Map.of("filter_by_prefix", "ne"))).get("channels")))
                .containsExactly("news");
    }

    @Test
    void userCountInTheListNeedsThePresencePrefix() {
        assertRefused(api.get(CHANNELS, Map.of("info", "user_count")), 400, "presence-");
        assertRefused(api.get(CHANNELS, Map.of("filter_by_prefix", "private-", "info", "user_count")), 400, "presence-");
    }

    @Test
    void showsWhetherAChannelIsOccupiedAndItsSubscriptionCount() {
        server.subscriber("news");
        server.subscriber("news");

        JsonNode news = assertOk(api.get(CHANNELS + "/news", Map.of("info", "subscription_count")));
        JsonNode empty = assertOk(api.get(CHANNELS + "/empty", Map.of()));

        assertThat(news.get("occupied").asBoolean()).isTrue();
        assertThat(news.get("subscription_count").asInt()).isEqualTo(2);
        assertThat(news.has("user_count")).isFalse();
        assertThat(empty.get("occupied").asBoolean()).isFalse();
    }

    @Test
    void channelIsUnoccupiedOnceItsLastSubscriberLeaves() {
        RecordingClient reader = server.subscriber("news");
        assertThat(assertOk(api.get(CHANNELS + "/news", Map.of())).get("occupied").asBoolean()).isTrue();

        LiveServer.unsubscribe(reader, "news");

        assertThat(assertOk(api.get(CHANNELS + "/news", Map.of())).get("occupied").asBoolean()).isFalse();
    }

    @Test
    void showsUserAndSubscriptionCountsOfAPresenceChannel() {
        server.member("presence-room", "1");
        server.member("presence-room", "1");
        server.member("presence-room", "2");

        JsonNode room = assertOk(api.get(CHANNELS + "/presence-room", Map.of("info", "user_count,subscription_count")));

        assertThat(room.get("occupied").asBoolean()).isTrue();
        assertThat(room.get("user_count").asInt()).isEqualTo(2);
        assertThat(room.get("subscription_count").asInt()).isEqualTo(3);
    }

    @Test
    void userCountOfANonPresenceChannelIs400() {
        server.subscriber("news");

        assertRefused(api.get(CHANNELS + "/news", Map.of("info", "user_count")), 400, "presence");
    }

    @Test
    void listsTheDistinctUsersOfAPresenceChannel() {
        server.member("presence-room", "1");
        server.member("presence-room", "1");
        RecordingClient two = server.member("presence-room", "2");
        server.member("presence-lobby", "3");

        assertThat(userIds(CHANNELS + "/presence-room/users")).containsExactlyInAnyOrder("1", "2");

        LiveServer.unsubscribe(two, "presence-room");
        assertThat(userIds(CHANNELS + "/presence-room/users")).containsExactly("1");
    }

    @Test
    void usersOfANonPresenceChannelIs400() {
        server.subscriber("news");

        assertRefused(api.get(CHANNELS + "/news/users", Map.of()), 400, "presence");
        assertRefused(api.get(CHANNELS + "/private-secret/users", Map.of()), 400, "presence");
    }

    @Test
    void invalidChannelNameInThePathIs400() {
        assertRefused(api.get(CHANNELS + "/bad%20name", Map.of()), 400, "channel name");
    }

    private List<String> userIds(String path) {
        List<String> ids = new ArrayList<>();
        assertOk(api.get(path, Map.of())).get("users").forEach(user -> ids.add(user.get("id").asText()));
        return ids;
    }

    private static List<String> names(JsonNode channels) {
        List<String> names = new ArrayList<>();
        channels.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
