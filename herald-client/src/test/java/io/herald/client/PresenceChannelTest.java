package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import io.herald.testkit.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ChannelAuthorizer signerFor(String userId, String name) {
        Member user = new Member(userId, name == null ? NullNode.getInstance() : JSON.createObjectNode().put("name", name));
        return new LocalChannelAuthorizer(TestServer.APP.key(), TestServer.APP.secret(), () -> user, null);
    }

    @Test
    void listsMembersAndReportsArrivalsAndDeparturesAcrossTwoClients() {
        ClientRecorder ann = new ClientRecorder();
        ClientRecorder bob = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime annClient = Clients.connected(server, ann, b -> b.authorizer(signerFor("1", "Ann")))) {
            PresenceChannel annRoom = (PresenceChannel) Clients.subscribed(annClient, ann, "presence-room");
            assertThat(annRoom.members()).extracting(Member::id).containsExactly("1");
            assertThat(annRoom.me().info().get("name").asText()).isEqualTo("Ann");

            try (HeraldRealtime bobClient = Clients.connected(server, bob, b -> b.authorizer(signerFor("2", "Bob")))) {
                PresenceChannel bobRoom = (PresenceChannel) Clients.subscribed(bobClient, bob, "presence-room");
                assertThat(bobRoom.members()).extracting(Member::id).containsExactlyInAnyOrder("1", "2");
                assertThat(bobRoom.member("1").info().get("name").asText()).isEqualTo("Ann");
                assertThat(bobRoom.me().id()).isEqualTo("2");

                assertThat(ann.awaitNotice("added", "presence-room").detail()).isEqualTo("2");
                assertThat(annRoom.member("2").info().get("name").asText()).isEqualTo("Bob");
            }
            assertThat(ann.awaitNotice("removed", "presence-room").detail()).isEqualTo("2");
            assertThat(annRoom.members()).extracting(Member::id).containsExactly("1");
        }
    }

    @Test
    void joinsThroughAnAuthEndpointBuiltWithTheOfficialServerLibrary() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             Pusher sdk = new Pusher(TestServer.APP.id(), TestServer.APP.key(), TestServer.APP.secret());
             AuthEndpoint endpoint = new AuthEndpoint((socketId, channel) ->
                     sdk.authenticate(socketId, channel, new PresenceUser("42", Map.of("name", "Zoe"))));
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new HttpChannelAuthorizer(endpoint.uri())))) {
            PresenceChannel room = client.subscribePresence("presence-lobby", recorder);
            recorder.awaitSubscribed("presence-lobby");
            assertThat(room.me().id()).isEqualTo("42");
            assertThat(room.me().info().get("name").asText()).isEqualTo("Zoe");
        }
    }

    @Test
    void clearsMembersOnDisconnectAndReloadsThemOnReconnect() {
        ClientRecorder ann = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime annClient = Clients.connected(server, ann, b -> b.authorizer(signerFor("1", null)))) {
            PresenceChannel room = (PresenceChannel) Clients.subscribed(annClient, ann, "presence-room");
            assertThat(room.me().info().isNull()).isTrue();
            annClient.disconnect();
            ann.awaitState(ConnectionState.DISCONNECTED);
            assertThat(room.members()).isEmpty();
            assertThat(room.me()).isNull();

            annClient.connect();
            ann.awaitSubscribed("presence-room");
            assertThat(room.members()).extracting(Member::id).containsExactly("1");
        }
    }
}
