package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Encrypted channels against the official server library: pusher-http-java encrypts what it triggers
 * and derives the shared secret its auth answer carries; the client must decrypt with it.
 */
class EncryptedChannelTest {

    private static final byte[] MASTER_KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_MASTER_KEY = "fedcba9876543210fedcba9876543210".getBytes();
    private static final String CHANNEL = "private-encrypted-vault";

    private static ChannelAuthorizer localSigner(byte[] masterKey) {
        return new LocalChannelAuthorizer(TestServer.APP.key(), TestServer.APP.secret(), null, masterKey);
    }

    private static Pusher officialSdk(TestServer server) {
        return officialSdk(server, MASTER_KEY);
    }

    private static Pusher officialSdk(TestServer server, byte[] masterKey) {
        Pusher pusher = new Pusher(TestServer.APP.id(), TestServer.APP.key(), TestServer.APP.secret(),
                Base64.getEncoder().encodeToString(masterKey));
        pusher.setHost("127.0.0.1:" + server.port());
        return pusher;
    }

    @Test
    void decryptsEventsWithTheSharedSecretFromAnHttpAuthEndpoint() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); Pusher sdk = officialSdk(server);
             AuthEndpoint endpoint = new AuthEndpoint(sdk::authenticate);
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new HttpChannelAuthorizer(endpoint.uri())))) {
            Clients.subscribed(client, recorder, CHANNEL);
            assertThat(sdk.trigger(CHANNEL, "secret", Map.of("msg", "hi")).getHttpStatus()).isEqualTo(200);
            assertThat(recorder.awaitEvent("secret", CHANNEL).data()).isEqualTo("{\"msg\":\"hi\"}");
        }
    }

    @Test
    void decryptsEventsWithTheSharedSecretTheLocalSignerDerives() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); Pusher sdk = officialSdk(server);
             HeraldRealtime client = Clients.connected(server, recorder, b -> b.authorizer(localSigner(MASTER_KEY)))) {
            Clients.subscribed(client, recorder, CHANNEL);
            sdk.trigger(CHANNEL, "secret", "plain text");
            assertThat(recorder.awaitEvent("secret", CHANNEL).data()).isEqualTo("\"plain text\"");
        }
    }

    @Test
    void fetchesAFreshSharedSecretWhenTheMasterKeyRotated() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        AtomicInteger answers = new AtomicInteger();
        try (TestServer server = TestServer.start(); Pusher sdk = officialSdk(server);
             Pusher beforeRotation = officialSdk(server, OTHER_MASTER_KEY);
             AuthEndpoint endpoint = new AuthEndpoint((socketId, channel) -> answers.getAndIncrement() == 0
                     ? beforeRotation.authenticate(socketId, channel) : sdk.authenticate(socketId, channel));
             HeraldRealtime client = Clients.connected(server, recorder,
                     b -> b.authorizer(new HttpChannelAuthorizer(endpoint.uri())))) {
            Clients.subscribed(client, recorder, CHANNEL);
            sdk.trigger(CHANNEL, "secret", "after rotation");
            assertThat(recorder.awaitEvent("secret", CHANNEL).data()).isEqualTo("\"after rotation\"");
            assertThat(endpoint.requests()).isEqualTo(2);
        }
    }

    @Test
    void reportsEventsItCannotDecryptInsteadOfDeliveringThem() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); Pusher sdk = officialSdk(server);
             HeraldRealtime client = Clients.connected(server, recorder, b -> b.authorizer(localSigner(OTHER_MASTER_KEY)))) {
            Clients.subscribed(client, recorder, CHANNEL);
            sdk.trigger(CHANNEL, "secret", "x");
            assertThat(recorder.awaitNotice("decrypt", CHANNEL).detail()).startsWith("secret");
            recorder.assertNoEvent("secret", Duration.ofMillis(200));
        }
    }
}
