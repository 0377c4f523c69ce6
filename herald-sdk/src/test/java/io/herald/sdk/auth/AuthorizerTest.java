package io.herald.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import io.herald.protocol.ChannelAuth;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.SdkTestSupport;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOCKET = "1234.5678";

    private final HeraldRest herald = HeraldRest.create(SdkTestSupport.options(SdkTestSupport.closedPort()).build());
    private final Pusher official = new Pusher(TestServer.APP.id(), TestServer.APP.key(), TestServer.APP.secret(),
            SdkTestSupport.MASTER_KEY_BASE64);

    @Test
    void privateChannelAuthIsExactlyWhatPusherHttpJavaReturns() {
        assertThat(herald.authorizeChannel(SOCKET, "private-orders"))
                .isEqualTo(official.authenticate(SOCKET, "private-orders"))
                .startsWith("{\"auth\":\"app-key:");
    }

    @Test
    void presenceChannelAuthIsExactlyWhatPusherHttpJavaReturns() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", "Alice");
        info.put("age", 31);
        assertThat(herald.authorizeChannel(SOCKET, "presence-room", PresenceData.of("alice", info)))
                .isEqualTo(official.authenticate(SOCKET, "presence-room", new PresenceUser("alice", info)));
        assertThat(herald.authorizeChannel(SOCKET, "presence-room", PresenceData.of("bob")))
                .isEqualTo(official.authenticate(SOCKET, "presence-room", new PresenceUser("bob")));
    }

    @Test
    void encryptedChannelAuthCarriesTheSameSharedSecretAsPusherHttpJava() throws Exception {
        JsonNode ours = JSON.readTree(herald.authorizeChannel(SOCKET, "private-encrypted-vault"));
        JsonNode theirs = JSON.readTree(official.authenticate(SOCKET, "private-encrypted-vault"));
        assertThat(ours.get("auth")).isEqualTo(theirs.get("auth"));
        // pusher-http-java drops the base64 padding; we keep it, as pusher-http-node does and pusher-js's decoder needs.
        assertThat(ours.get("shared_secret").asText()).hasSize(44).endsWith("=");
        assertThat(Base64.getDecoder().decode(ours.get("shared_secret").asText()))
                .isEqualTo(Base64.getDecoder().decode(theirs.get("shared_secret").asText()));
        assertThat(ours.size()).isEqualTo(theirs.size());
    }

    @Test
    void heraldAcceptsTheAuthOfEveryAuthorizedChannelType() throws Exception {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            HeraldRest sdk = SdkTestSupport.client(server);
            String socketId = client.socketId();
            for (String channel : List.of("private-a", "private-encrypted-b")) {
                JsonNode auth = JSON.readTree(sdk.authorizeChannel(socketId, channel));
                client.subscribe(channel, auth.get("auth").asText(), null);
                client.assertSubscribed(channel);
            }
            JsonNode presence = JSON.readTree(sdk.authorizeChannel(socketId, "presence-c", PresenceData.of("u1", Map.of("n", 1))));
            client.subscribe("presence-c", presence.get("auth").asText(), presence.get("channel_data").asText());
            assertThat(client.assertSubscribed("presence-c").json().at("/presence/hash/u1/n").asInt()).isEqualTo(1);
        }
    }

    @Test
    void userAuthenticationSignsSocketIdAndUserData() throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", "Alice");
        JsonNode response = JSON.readTree(herald.authenticateUser(SOCKET,
                UserData.of("alice", info).withWatchlist(List.of("bob", "carol"))));
        String userData = response.get("user_data").asText();
        assertThat(userData).isEqualTo("{\"id\":\"alice\",\"user_info\":{\"name\":\"Alice\"},\"watchlist\":[\"bob\",\"carol\"]}");
        assertThat(response.get("auth").asText()).isEqualTo(ChannelAuth.authString(TestServer.APP.key(),
                ChannelAuth.userSignature(TestServer.APP.secret(), SOCKET, userData)));
        assertThat(JSON.readTree(herald.authenticateUser(SOCKET, UserData.of("bob"))).get("user_data").asText())
                .isEqualTo("{\"id\":\"bob\"}");
    }

    @Test
    void malformedSocketIdsAndChannelNamesAreRejected() {
        for (String socketId : List.of("", "abc", "1234", "1.2.3", "12.34 ", "1.2:private-x")) {
            assertThatThrownBy(() -> herald.authorizeChannel(socketId, "private-x"))
                    .as(socketId).isInstanceOf(HeraldValidationException.class).hasMessageContaining("socket id");
        }
        assertThatThrownBy(() -> herald.authorizeChannel(null, "private-x")).isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "private-bad name"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("may only contain");
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "private-" + "x".repeat(200)))
                .hasMessageContaining("longer than 200");
        assertThatThrownBy(() -> herald.authenticateUser("nope", UserData.of("a"))).hasMessageContaining("socket id");
    }

    @Test
    void aMemberOrUserWithoutAnIdIsAValidationError() {
        assertThatThrownBy(() -> PresenceData.of(null)).isInstanceOf(HeraldValidationException.class)
                .hasMessage("userId must not be blank, was null");
        assertThatThrownBy(() -> PresenceData.of(" ", Map.of())).isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> UserData.of("")).isInstanceOf(HeraldValidationException.class)
                .hasMessage("id must not be blank, was ''");
    }

    @Test
    void channelsThatNeedNoOrOtherAuthorizationAreRejected() {
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "public-news")).hasMessageContaining("needs no authorization");
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "presence-room")).hasMessageContaining("PresenceData");
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "private-x", PresenceData.of("u")))
                .hasMessageContaining("not a presence- channel");
        HeraldRest withoutKey = HeraldRest.create(SdkTestSupport.options(1).encryptionMasterKey(null).build());
        assertThatThrownBy(() -> withoutKey.authorizeChannel(SOCKET, "private-encrypted-x"))
                .hasMessageContaining("encryptionMasterKey");
    }

    @Test
    void presenceLimitsAreCheckedBeforeSigning() {
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "presence-r", PresenceData.of("u".repeat(129))))
                .hasMessageContaining("user id");
        assertThatThrownBy(() -> herald.authorizeChannel(SOCKET, "presence-r", PresenceData.of("u", Map.of("bio", "x".repeat(1100)))))
                .hasMessageContaining("user info");
        List<String> watchlist = java.util.stream.IntStream.range(0, 101).mapToObj(Integer::toString).toList();
        assertThatThrownBy(() -> herald.authenticateUser(SOCKET, UserData.of("a").withWatchlist(watchlist)))
                .hasMessageContaining("watchlist");
    }
}
