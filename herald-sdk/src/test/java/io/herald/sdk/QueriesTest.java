package io.herald.sdk;

import static io.herald.sdk.SdkTestSupport.unreachableClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testkit.RecordingClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueriesTest extends SharedServerTest {

    @Test
    void channelsListsOccupiedChannelsByPrefixWithInfo() {
        try (RecordingClient alice = joined("presence-list-room", "alice", "{}");
             RecordingClient bob = joined("presence-list-room", "bob", "{}");
             RecordingClient other = subscribed("list-public")) {
            Map<String, ChannelInfo> presence = herald.channels("presence-list-", "user_count");
            assertThat(presence).containsOnlyKeys("presence-list-room");
            assertThat(presence.get("presence-list-room").userCount()).isEqualTo(2);
            assertThat(herald.channels(null)).containsKeys("presence-list-room", "list-public");
            assertThat(herald.channelsAsync("list-").join()).containsOnlyKeys("list-public");
        }
    }

    @Test
    void channelReportsOccupancyAndCounts() {
        try (RecordingClient alice = joined("presence-show", "alice", "{\"name\":\"Alice\"}");
             RecordingClient aliceAgain = joined("presence-show", "alice", "{\"name\":\"Alice\"}")) {
            ChannelInfo info = herald.channel("presence-show", "user_count", "subscription_count");
            assertThat(info).isEqualTo(new ChannelInfo("presence-show", true, 1, 2));
            assertThat(herald.channelAsync("presence-show").join().occupied()).isTrue();
            assertThat(herald.channel("nobody-here")).isEqualTo(new ChannelInfo("nobody-here", false, null, null));
        }
    }

    @Test
    void usersListsThePresenceMembers() {
        try (RecordingClient alice = joined("presence-users", "alice", "{}");
             RecordingClient bob = joined("presence-users", "bob", "{}")) {
            assertThat(herald.users("presence-users")).containsExactlyInAnyOrder("alice", "bob");
            assertThat(herald.usersAsync("presence-users").join()).containsExactlyInAnyOrder("alice", "bob");
        }
    }

    @Test
    void usersOfAnotherChannelTypeIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> unreachableClient().users("private-room"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("presence-");
        assertThatThrownBy(() -> unreachableClient().channel("bad name"))
                .isInstanceOf(HeraldValidationException.class);
    }

    @Test
    void genericSignedGetAndPostReachAnyPath() {
        ApiResponse channels = herald.get("/channels", Map.of("filter_by_prefix", "generic-"));
        assertThat(channels.status()).isEqualTo(200);
        assertThat(channels.body().get("channels").isObject()).isTrue();

        ApiResponse posted = herald.post("events", "{\"name\":\"e\",\"channels\":[\"generic-a\"],\"data\":\"x\"}");
        assertThat(posted.body().get("event_id").asText()).isNotBlank();
        assertThat(herald.getAsync("channels/generic-a", null).join().body().get("occupied").asBoolean()).isFalse();
        assertThat(herald.postAsync("/batch_events", "{\"batch\":[]}").join().status()).isEqualTo(200);
    }

    @Test
    void aRefusalCarriesItsStatusAndBodyAndIsNotRetryable() {
        assertThatThrownBy(() -> herald.channels("public-", "user_count"))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.body().get("error").asText()).contains("presence-");
                    assertThat(e.getMessage()).contains("HTTP 400").contains("presence-");
                });
        assertThatThrownBy(() -> herald.getAsync("/no-such-path", Map.of()).join())
                .hasCauseInstanceOf(HeraldHttpException.class);
        assertThatThrownBy(() -> herald.post("/events", "not json"))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void anUnknownAppIsA404() {
        HeraldRest stranger = HeraldRest.create(SdkTestSupport.options(server.port()).appId("no-such-app").build());
        assertThatThrownBy(() -> stranger.channels(null))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(herald.channels("zzz-")).isEmpty();
    }
}
