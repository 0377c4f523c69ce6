package io.herald.sdk;

import static io.herald.sdk.SdkTestSupport.unreachableClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublishingTest extends SharedServerTest {

    @Test
    void stringDataTravelsAsIs() {
        try (RecordingClient subscriber = subscribed("str-news")) {
            TriggerResult result = herald.trigger("str-news", "flash", "plain text");
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.eventId()).isNotBlank();
            assertThat(result.isRetryable()).isFalse();
            assertThat(subscriber.awaitEvent("flash").data().asText()).isEqualTo("plain text");
        }
    }

    @Test
    void objectDataIsSerialisedWithJackson() {
        try (RecordingClient subscriber = subscribed("obj-news")) {
            herald.trigger("obj-news", "order", Map.of("id", 42));
            assertThat(subscriber.awaitEvent("order").json().get("id").asInt()).isEqualTo(42);
        }
    }

    @Test
    void aPluggedSerializerReplacesJackson() {
        HeraldRest custom = HeraldRest.create(SdkTestSupport.options(server.port())
                .serializer(value -> "{\"custom\":\"" + value + "\"}").build());
        try (RecordingClient subscriber = subscribed("ser-news")) {
            custom.trigger("ser-news", "e", 7);
            assertThat(subscriber.awaitEvent("e").json().get("custom").asText()).isEqualTo("7");
        }
    }

    @Test
    void oneTriggerReachesEveryChannelNamed() {
        try (RecordingClient a = subscribed("multi-a"); RecordingClient b = subscribed("multi-b")) {
            herald.trigger(List.of("multi-a", "multi-b"), "both", "x");
            assertThat(a.awaitEvent("both").channel()).isEqualTo("multi-a");
            assertThat(b.awaitEvent("both").channel()).isEqualTo("multi-b");
        }
    }

    @Test
    void theExcludedSocketDoesNotReceiveTheEvent() {
        try (RecordingClient sender = subscribed("excl"); RecordingClient other = subscribed("excl")) {
            herald.trigger(Event.of("excl", "e", "1").excludingSocket(sender.socketId()));
            herald.trigger("excl", "marker", "2");
            assertThat(other.awaitEvent("e").data().asText()).isEqualTo("1");
            assertThat(sender.nextEvent().event()).isEqualTo("marker"); // "e" never arrived before it
        }
    }

    @Test
    void requestedInfoComesBackPerChannel() {
        try (RecordingClient a = subscribed("info-a"); RecordingClient b = subscribed("info-a")) {
            TriggerResult result = herald.trigger(Event.of(List.of("info-a", "info-b"), "e", "x").withInfo("subscription_count"));
            assertThat(result.channels()).containsEntry("info-a", new ChannelInfo("info-a", null, null, 2))
                    .containsEntry("info-b", new ChannelInfo("info-b", null, null, 0));
            assertThat(result.body().get("event_id").asText()).isEqualTo(result.eventId());
        }
    }

    @Test
    void aBatchPublishesEveryEventAndReportsEach() {
        try (RecordingClient a = subscribed("batch-a"); RecordingClient b = subscribed("batch-b")) {
            BatchResult result = herald.triggerBatch(List.of(
                    Event.of("batch-a", "first", "1"),
                    Event.of("batch-b", "second", Map.of("n", 2)).withInfo("subscription_count")));
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.events()).hasSize(2).allSatisfy(item -> assertThat(item.eventId()).isNotBlank());
            assertThat(result.events().get(1).channel().subscriptionCount()).isEqualTo(1);
            assertThat(a.awaitEvent("first").data().asText()).isEqualTo("1");
            assertThat(b.awaitEvent("second").json().get("n").asInt()).isEqualTo(2);
        }
    }

    @Test
    void asyncFormsDeliverTheSameResults() {
        try (RecordingClient subscriber = subscribed("async-news")) {
            CompletableFuture<TriggerResult> one = herald.triggerAsync("async-news", "one", "1");
            CompletableFuture<TriggerResult> many = herald.triggerAsync(List.of("async-news"), "many", "2");
            CompletableFuture<BatchResult> batch = herald.triggerBatchAsync(List.of(Event.of("async-news", "batched", "3")));
            assertThat(one.join().eventId()).isNotBlank();
            assertThat(many.join().eventId()).isNotBlank();
            assertThat(batch.join().events()).hasSize(1);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                names.add(subscriber.nextEvent().event());
            }
            assertThat(names).containsExactlyInAnyOrder("one", "many", "batched");
        }
    }

    @Test
    void aWrongSecretIsAnAuthenticationError() {
        HeraldRest wrong = HeraldRest.create(SdkTestSupport.options(server.port()).secret("wrong").build());
        assertThatThrownBy(() -> wrong.trigger("news", "e", "x"))
                .isInstanceOfSatisfying(HeraldAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("app-secret").doesNotContain("wrong");
                });
        assertThatThrownBy(() -> wrong.triggerAsync("news", "e", "x").join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(HeraldAuthenticationException.class);
    }

    @Test
    void aServerThatIsDownIsARetryableNetworkError() {
        HeraldRest down = unreachableClient();
        assertThatThrownBy(() -> down.trigger("news", "e", "x"))
                .isInstanceOfSatisfying(HeraldNetworkException.class, e -> assertThat(e.isRetryable()).isTrue())
                .isNotInstanceOf(HeraldTimeoutException.class);
        assertThatThrownBy(() -> down.triggerBatchAsync(List.of(Event.of("news", "e", "x"))).join())
                .hasCauseInstanceOf(HeraldNetworkException.class);
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HeraldRest slow = HeraldRest.create(SdkTestSupport.options(silent.getLocalPort())
                    .requestTimeout(Duration.ofMillis(300)).build());
            assertThatThrownBy(() -> slow.trigger("news", "e", "x"))
                    .isInstanceOfSatisfying(HeraldTimeoutException.class, e -> assertThat(e.isRetryable()).isTrue());
            assertThatThrownBy(() -> slow.channelAsync("news").join()).hasCauseInstanceOf(HeraldTimeoutException.class);
        }
    }

    // The client below can't reach any server: a validation error proves nothing was sent.

    @Test
    void oversizedDataIsRefusedBeforeAnyRequest() {
        String big = "x".repeat(10 * 1024 + 1);
        assertThatThrownBy(() -> unreachableClient().trigger("news", "e", big))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("10241 bytes").hasMessageContaining("10240");
        assertThatThrownBy(() -> unreachableClient().triggerAsync("news", "e", big).join())
                .hasCauseInstanceOf(HeraldValidationException.class);
        assertThat(herald.trigger("news", "e", "x".repeat(10 * 1024)).status()).isEqualTo(200);
    }

    @Test
    void tooManyChannelsOrBatchEventsAreRefusedBeforeAnyRequest() {
        List<String> channels = IntStream.rangeClosed(1, 101).mapToObj(i -> "c" + i).toList();
        assertThatThrownBy(() -> unreachableClient().trigger(channels, "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("at most 100 channels");
        List<Event> batch = IntStream.rangeClosed(1, 11).mapToObj(i -> Event.of("c", "e", "x")).toList();
        assertThatThrownBy(() -> unreachableClient().triggerBatch(batch))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("at most 10 events");
        assertThatThrownBy(() -> unreachableClient().triggerBatch(List.of(Event.of(List.of("a", "b"), "e", "x"))))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("batch[0]");
    }

    @Test
    void badNamesAndSocketIdsAreRefusedBeforeAnyRequest() {
        HeraldRest client = unreachableClient();
        assertThatThrownBy(() -> client.trigger("bad channel!", "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("may only contain");
        assertThatThrownBy(() -> client.trigger("c".repeat(201), "e", "x")).hasMessageContaining("longer than 200");
        assertThatThrownBy(() -> client.trigger("news", "e".repeat(201), "x")).hasMessageContaining("event name");
        assertThatThrownBy(() -> client.trigger("news", "", "x")).hasMessageContaining("event name");
        assertThatThrownBy(() -> client.trigger(Event.of("news", "e", "x").excludingSocket("abc")))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("socket id 'abc'");
        assertThatThrownBy(() -> client.trigger("news", "e", null)).hasMessageContaining("data");
    }

    @Test
    void nullArgumentsAreValidationErrorsAndOnlyFailTheFuturesOfAsyncCalls() {
        HeraldRest client = unreachableClient();
        assertThatThrownBy(() -> Event.of((String) null, "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessage("channel must not be null");
        assertThatThrownBy(() -> Event.of((List<String>) null, "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessage("channels must not be null");
        assertThatThrownBy(() -> client.trigger((String) null, "e", "x")).isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> client.trigger(Arrays.asList("news", null), "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessage("channel name is missing");
        assertThatThrownBy(() -> client.trigger((Event) null))
                .isInstanceOf(HeraldValidationException.class).hasMessage("event must not be null");
        assertThatThrownBy(() -> client.triggerBatch(null)).isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> client.triggerBatch(Arrays.asList(Event.of("news", "e", "x"), null)))
                .isInstanceOf(HeraldValidationException.class).hasMessage("batch[1]: event must not be null");
        assertThatThrownBy(() -> new JacksonSerializer(null)).isInstanceOf(HeraldValidationException.class);

        List<CompletableFuture<?>> async = List.of(client.triggerAsync((String) null, "e", "x"),
                client.triggerAsync((List<String>) null, "e", "x"), client.triggerAsync((Event) null),
                client.triggerBatchAsync(null), client.triggerBatchAsync(Arrays.asList((Event) null)));
        assertThat(async).allSatisfy(future -> assertThat(future).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(HeraldValidationException.class));
    }

    @Test
    void anEncryptedChannelMustBeAloneInItsRequest() {
        assertThatThrownBy(() -> unreachableClient().trigger(List.of("private-encrypted-a", "news"), "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("alone");
        HeraldRest withoutKey = HeraldRest.create(SdkTestSupport.options(SdkTestSupport.closedPort())
                .encryptionMasterKey(null).build());
        assertThatThrownBy(() -> withoutKey.trigger("private-encrypted-a", "e", "x"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("encryptionMasterKey");
    }

    @Test
    void keepAliveOffStillDelivers() {
        HeraldRest fresh = HeraldRest.create(SdkTestSupport.options(server.port()).keepAlive(false).build());
        try (RecordingClient subscriber = subscribed("ka-news")) {
            fresh.trigger("ka-news", "a", "1");
            fresh.trigger("ka-news", "b", "2");
            assertThat(subscriber.awaitEvent("a").data().asText()).isEqualTo("1");
            assertThat(subscriber.awaitEvent("b").data().asText()).isEqualTo("2");
        }
    }
}
