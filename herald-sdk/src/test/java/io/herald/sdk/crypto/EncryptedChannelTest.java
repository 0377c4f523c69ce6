package io.herald.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.data.Result;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.SdkTestSupport;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** End to end through a real Herald server, with the official Pusher Java libraries on the other side. */
class EncryptedChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "private-encrypted-vault";

    @Test
    void theOfficialJavaClientDecryptsAnEventEncryptedByHeraldSdk() throws Exception {
        try (TestServer server = TestServer.start()) {
            HeraldRest herald = SdkTestSupport.client(server);
            PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(server.port()).setUseTLS(false)
                    .setChannelAuthorizer((channel, socketId) -> herald.authorizeChannel(socketId, channel));
            Pusher pusher = new Pusher(TestServer.APP.key(), options);
            Listener listener = new Listener();
            try {
                pusher.connect();
                pusher.subscribePrivateEncrypted(CHANNEL, listener, "secret-event");
                assertThat(listener.subscribed.get(5, TimeUnit.SECONDS)).isEqualTo(CHANNEL);

                herald.trigger(CHANNEL, "secret-event", Map.of("pin", "1234"));
                PusherEvent event = listener.events.poll(5, TimeUnit.SECONDS);
                assertThat(event).as("decrypted event within 5 s; failures: %s", listener.failures).isNotNull();
                assertThat(JSON.readTree(event.getData()).get("pin").asText()).isEqualTo("1234");

                herald.triggerAsync(CHANNEL, "secret-event", "as a string").join();
                assertThat(listener.events.poll(5, TimeUnit.SECONDS).getData()).isEqualTo("as a string");
                assertThat(listener.failures).isEmpty();
            } finally {
                pusher.disconnect();
            }
        }
    }

    @Test
    void heraldSeesOnlyCiphertextAndHeraldSdkDecryptsTheOfficialServerSdksTrigger() throws Exception {
        try (TestServer server = TestServer.start(); RecordingClient subscriber = server.connect()) {
            HeraldRest herald = SdkTestSupport.client(server);
            JsonNode auth = JSON.readTree(herald.authorizeChannel(subscriber.socketId(), CHANNEL));
            subscriber.subscribe(CHANNEL, auth.get("auth").asText(), null);
            subscriber.assertSubscribed(CHANNEL);

            com.pusher.rest.Pusher official = new com.pusher.rest.Pusher(TestServer.APP.id(), TestServer.APP.key(),
                    TestServer.APP.secret(), SdkTestSupport.MASTER_KEY_BASE64);
            official.setHost("127.0.0.1:" + server.port());
            official.setEncrypted(false);
            try {
                Result result = official.trigger(CHANNEL, "from-official", Map.of("pin", "9876"));
                assertThat(result.getHttpStatus()).as(result.getMessage()).isEqualTo(200);
            } finally {
                official.close();
            }

            ReceivedEvent event = subscriber.awaitEvent("from-official");
            String wireData = event.data().asText();
            assertThat(wireData).contains("\"nonce\"").contains("\"ciphertext\"").doesNotContain("9876");
            String plaintext = herald.encryption().decryptJson(CHANNEL, wireData);
            assertThat(JSON.readTree(plaintext).get("pin").asText()).isEqualTo("9876");
        }
    }

    /** Records what pusher-java-client reports; its callbacks run on the client's event thread. */
    private static final class Listener implements PrivateEncryptedChannelEventListener {
        final CompletableFuture<String> subscribed = new CompletableFuture<>();
        final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        final BlockingQueue<String> failures = new LinkedBlockingQueue<>();

        @Override
        public void onSubscriptionSucceeded(String channelName) {
            subscribed.complete(channelName);
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {
            failures.add("auth: " + message);
            subscribed.completeExceptionally(e != null ? e : new IllegalStateException(message));
        }

        @Override
        public void onDecryptionFailure(String event, String reason) {
            failures.add("decrypt " + event + ": " + reason);
        }

        @Override
        public void onEvent(PusherEvent event) {
            events.add(event);
        }
    }
}
