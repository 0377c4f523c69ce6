package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ChannelAuth;
import io.herald.testkit.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivateChannelTest {

    private static final String KEY = TestServer.APP.key();
    private static final String SECRET = TestServer.APP.secret();

    /** What an app's auth endpoint answers for a private channel. */
    static String privateAuth(String secret, String socketId, String channel) {
        return "{\"auth\":\"" + ChannelAuth.authString(KEY, ChannelAuth.channelSignature(secret, socketId, channel, null)) + "\"}";
    }

    @Test
    void subscribesThroughAnHttpAuthEndpoint() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             AuthEndpoint endpoint = new AuthEndpoint((socketId, channel) -> privateAuth(SECRET, socketId, channel));
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new HttpChannelAuthorizer(endpoint.uri(), Map.of("Authorization", "Bearer t"))))) {
            Clients.subscribed(client, recorder, "private-orders");
            Clients.publish(server, "private-orders", "created", "{\"id\":7}");
            assertThat(recorder.awaitEvent("created", "private-orders").data()).isEqualTo("{\"id\":7}");
            assertThat(endpoint.requests()).isEqualTo(1);
        }
    }

    @Test
    void subscribesWithTheLocalSigner() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new LocalChannelAuthorizer(KEY, SECRET)))) {
            Clients.subscribed(client, recorder, "private-orders");
            Clients.publish(server, "private-orders", "created", "1");
            assertThat(recorder.awaitEvent("created", "private-orders").data()).isEqualTo("1");
        }
    }

    @Test
    void reportsTheServersRefusalOfABadSignature() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new LocalChannelAuthorizer(KEY, "not-the-secret")))) {
            Channel channel = client.subscribe("private-orders", recorder);
            ClientRecorder.Notice error = recorder.awaitNotice("error", "private-orders");
            assertThat(error.status()).isEqualTo(401);
            assertThat(channel.isSubscribed()).isFalse();
        }
    }

    @Test
    void reportsAnAuthEndpointThatRefuses() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             AuthEndpoint endpoint = new AuthEndpoint((socketId, channel) -> null);
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new HttpChannelAuthorizer(endpoint.uri())))) {
            client.subscribe("private-orders", recorder);
            ClientRecorder.Notice error = recorder.awaitNotice("error", "private-orders");
            assertThat(error.status()).isZero();
            assertThat(error.detail()).contains("403");
        }
    }

    @Test
    void reportsAMissingAuthorizer() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); HeraldRealtime client = Clients.connected(server, recorder)) {
            client.subscribe("private-orders", recorder);
            assertThat(recorder.awaitNotice("error", "private-orders").detail()).contains("no ChannelAuthorizer");
        }
    }
}
