package io.herald.tests.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.rest.Pusher;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Java client, pusher-java-client 2.4.4 (protocol 5), unchanged against Herald, with
 * pusher-http-java 1.3.4 as the application server: it triggers the events, and signs channel
 * authorizations behind a real HTTP endpoint that the client's {@code HttpChannelAuthorizer} calls.
 */
class PusherJavaClientCompatibilityTest {

    private static final App APP = TestServer.APP;

    private TestServer server;
    private Pusher appServer;
    private AuthEndpoint auth;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        appServer = PusherHttp.encryptingClient(server, APP);
        auth = AuthEndpoint.start(appServer);
    }

    @AfterEach
    void stop() throws Exception {
        auth.close();
        appServer.close();
        server.close();
    }

    private JavaClient connect(String userId) {
        return JavaClient.connect(server, APP, auth.url(userId));
    }

    @Test
    void connectsWithProtocol5AndGetsASocketId() {
        assertThat(JavaClient.options(server, null).buildUrl(APP.key())).contains("protocol=5");

        try (JavaClient client = connect("alice")) {
            assertThat(client.socketId()).matches("\\d+\\.\\d+");
        }
    }

    @Test
    void publicChannelReceivesAnEventTriggeredByPusherHttpJava() {
        try (JavaClient client = connect("alice")) {
            ChannelRecorder news = client.subscribe("news", "flash");

            PusherHttp.successBody(appServer.trigger("news", "flash", Map.of("headline", "hello")));

            PusherEvent event = news.nextEvent();
            assertThat(event.getChannelName()).isEqualTo("news");
            assertThat(event.getEventName()).isEqualTo("flash");
            assertThat(PusherHttp.json(event.getData()).get("headline").asText()).isEqualTo("hello");
        }
    }

    @Test
    void privateChannelIsAuthorizedThroughTheHttpEndpointAndReceivesEvents() {
        try (JavaClient client = connect("alice")) {
            ChannelRecorder orders = client.subscribePrivate("private-orders", "created");

            PusherHttp.successBody(appServer.trigger("private-orders", "created", Map.of("id", 7)));

            assertThat(PusherHttp.json(orders.nextEvent().getData()).get("id").asInt()).isEqualTo(7);
            // At least once: pusher-java-client may subscribe twice when a subscribe call races its own
            // resubscription on CONNECTED; Herald confirms the second without joining twice.
            assertThat(auth.authorizations()).isPositive();
        }
    }

    @Test
    void presenceMembersAreListedAndTheirArrivalAndDepartureReported() {
        try (JavaClient alice = connect("alice")) {
            ChannelRecorder aliceView = alice.subscribePresence("presence-room");
            assertThat(ids(aliceView.awaitUsersInformation())).containsExactly("alice");
            PresenceChannel aliceChannel = alice.pusher().getPresenceChannel("presence-room");
            assertThat(aliceChannel.getMe().getId()).isEqualTo("alice");

            try (JavaClient bob = connect("bob")) {
                ChannelRecorder bobView = bob.subscribePresence("presence-room");
                assertThat(ids(bobView.awaitUsersInformation())).containsExactlyInAnyOrder("alice", "bob");

                User joined = aliceView.awaitUserSubscribed();
                assertThat(joined.getId()).isEqualTo("bob");
                assertThat(PusherHttp.json(joined.getInfo()).get("name").asText()).isEqualTo("User bob");
                assertThat(ids(aliceChannel.getUsers())).containsExactlyInAnyOrder("alice", "bob");
            }

            assertThat(aliceView.awaitUserUnsubscribed().getId()).isEqualTo("bob");
            assertThat(ids(aliceChannel.getUsers())).containsExactly("alice");
        }
    }

    @Test
    void clientEventsReachTheOtherClientButNotTheSender() {
        try (JavaClient alice = connect("alice"); JavaClient bob = connect("bob")) {
            ChannelRecorder aliceView = alice.subscribePrivate("private-chat", "client-typing", "client-reply");
            ChannelRecorder bobView = bob.subscribePrivate("private-chat", "client-typing", "client-reply");

            alice.pusher().getPrivateChannel("private-chat").trigger("client-typing", "{\"who\":\"alice\"}");
            PusherEvent typing = bobView.nextEvent();
            bob.pusher().getPrivateChannel("private-chat").trigger("client-reply", "{\"who\":\"bob\"}");

            assertThat(typing.getEventName()).isEqualTo("client-typing");
            assertThat(PusherHttp.json(typing.getData()).get("who").asText()).isEqualTo("alice");
            // Had Herald echoed alice's event back to her, it would have reached her before bob's reply.
            PusherEvent first = aliceView.nextEvent();
            assertThat(first.getEventName()).isEqualTo("client-reply");
            assertThat(PusherHttp.json(first.getData()).get("who").asText()).isEqualTo("bob");
        }
    }

    @Test
    void encryptedChannelDecryptsAnEventEncryptedByPusherHttpJava() {
        try (JavaClient client = connect("alice")) {
            ChannelRecorder vault = client.subscribePrivateEncrypted("private-encrypted-vault", "sealed");

            PusherHttp.successBody(appServer.trigger("private-encrypted-vault", "sealed", Map.of("secret", "s3")));

            PusherEvent event = vault.nextEvent();
            JsonNode data = PusherHttp.json(event.getData());
            assertThat(data.get("secret").asText()).isEqualTo("s3");
            assertThat(vault.errors()).isEmpty();
        }
    }

    private static Set<String> ids(Set<User> users) {
        return users.stream().map(User::getId).collect(Collectors.toSet());
    }
}
