package io.herald.tests.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.sdk.HeraldAuthenticationException;
import io.herald.sdk.HeraldHttpException;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.notification.MessageType;
import io.herald.sdk.notification.NotificationAction;
import io.herald.sdk.notification.NotificationEvent;
import io.herald.sdk.push.BeamsToken;
import io.herald.sdk.push.HeraldPush;
import io.herald.sdk.push.HeraldPushOptions;
import io.herald.sdk.push.PublishRequest;
import io.herald.sdk.push.PublishStatus;
import io.herald.sdk.push.WebNotification;
import io.herald.testkit.BeamsWebDevice;
import io.herald.testkit.Eventually;
import io.herald.testkit.PushTestServer;
import io.herald.testkit.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's {@link HeraldPush} against a real Herald serving the Beams APIs: publishes answered with
 * a publish id, tokens accepted by the device API, users deleted, and every refusal, the SDK's own or
 * the server's, surfacing as the SDK's exceptions.
 */
class HeraldPushSdkTest {

    private static final String PUBLISH_ID = "pubid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    static Path dataDirectory;

    private static TestServer server;
    private static HeraldPush push;

    @BeforeAll
    static void startServer() {
        server = PushTestServer.start(dataDirectory);
        push = HeraldPush.create(options().build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static HeraldPushOptions.Builder options() {
        return HeraldPushOptions.builder().instanceId(PushTestServer.INSTANCE_ID).secretKey(PushTestServer.SECRET_KEY)
                .baseUrl(server.httpUrl()).requestTimeout(Duration.ofSeconds(10));
    }

    @Test
    void publishingToInterestsAndToUsersAnswersAPublishId() throws Exception {
        PublishRequest request = PublishRequest.web(WebNotification.of("Order shipped", "Order 42 is on its way")
                .withIcon("https://shop.example/icon.png").withDeepLink("https://shop.example/orders/42")
                .withData(Map.of("orderId", 42)).withTimeToLive(Duration.ofHours(1)));

        String toInterests = push.publishToInterests(List.of("orders", "audit"), request);
        String toUsers = push.publishToUsers(List.of("user-1", "user-2"), request);
        String async = push.publishToInterestsAsync(List.of("orders"), Map.of("web", Map.of("notification", Map.of("title", "Hi"))))
                .get(10, TimeUnit.SECONDS);

        assertThat(List.of(toInterests, toUsers, async)).allMatch(id -> id.matches(PUBLISH_ID)).doesNotHaveDuplicates();
    }

    @Test
    void aStructuredNotificationIsPublishedToTheRecipientsInterest() {
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), PushTestServer.INSTANCE_ID, PushTestServer.unreachableEndpoint());
        assertThat(device.subscribe("exports-42").status()).isEqualTo(200);

        String publishId = push.sendNotification("exports", "42", WebNotification.of("Export ready", "Your export finished"),
                NotificationEvent.of("export_event", true, NotificationAction.toast(1, "Export ready", MessageType.SUCCESS)));

        assertThat(publishId).matches(PUBLISH_ID);
        assertThat(push.publishStatus(publishId).publishId()).isEqualTo(publishId);
    }

    @Test
    void aGeneratedTokenSignsADeviceInAndPublishingToTheUserReachesIt() {
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), PushTestServer.INSTANCE_ID, PushTestServer.unreachableEndpoint());
        BeamsToken token = push.generateToken("alice");

        assertThat(device.signIn(token.token()).status()).isEqualTo(200);

        String publishId = push.publishToUsers(List.of("alice"), PublishRequest.web(WebNotification.of("Hi Alice", null)));
        // the publish is answered before its audience is expanded into deliveries
        Eventually.check(Duration.ofSeconds(10), () -> {
            PublishStatus status = push.publishStatus(publishId);
            assertThat(status.publishId()).isEqualTo(publishId);
            assertThat(status.expanding()).isFalse();
            assertThat(status.targets()).as("alice's one device, in %s", status.body()).isEqualTo(1);
        });
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedByTheDeviceApi() {
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), PushTestServer.INSTANCE_ID, PushTestServer.unreachableEndpoint());
        HeraldPush forger = HeraldPush.create(options().secretKey("not-the-secret").build());

        assertThat(device.signIn(forger.generateToken("alice").token()).status()).isEqualTo(401);
    }

    @Test
    void deletingAUserRemovesTheirDevices() {
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), PushTestServer.INSTANCE_ID, PushTestServer.unreachableEndpoint());
        assertThat(device.signIn(push.generateToken("bob").token()).status()).isEqualTo(200);
        assertThat(device.fetch().status()).isEqualTo(200);

        push.deleteUserAsync("bob").join();

        assertThat(device.fetch().status()).isEqualTo(404);
        push.deleteUser("nobody-with-this-id"); // deleting an unknown user is not an error, as in Beams
    }

    @Test
    void badTargetsAreRefusedBeforeSendingAndAsyncFormsNeverThrow() {
        List<String> tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> "i" + i).toList();
        PublishRequest request = PublishRequest.web(WebNotification.of("t", "b"));

        assertThatThrownBy(() -> push.publishToInterests(tooMany, request))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("at most 100 interests, got 101");
        CompletableFuture<String> async = push.publishToInterestsAsync(List.of("no spaces"), request);
        assertThat(async).isCompletedExceptionally();
        assertThatThrownBy(async::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(HeraldValidationException.class);
        assertThat(push.publishToUsersAsync(List.of(), request)).isCompletedExceptionally();
        assertThat(push.deleteUserAsync("x".repeat(165))).isCompletedExceptionally();
        assertThat(push.sendNotificationAsync(" ", "42", WebNotification.of("t", null),
                NotificationEvent.toast("e", "i", MessageType.INFO))).isCompletedExceptionally();
    }

    @Test
    void aWrongSecretKeyIsAnAuthenticationException() {
        HeraldPush wrong = HeraldPush.create(options().secretKey("wrong").build());

        assertThatThrownBy(() -> wrong.publishToInterests(List.of("orders"), PublishRequest.web(WebNotification.of("t", null))))
                .isInstanceOfSatisfying(HeraldAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.body().has("error")).isTrue();
                    assertThat(e.body().has("description")).isTrue();
                    assertThat(e.reason()).contains(e.body().get("description").asText());
                });
        assertThatThrownBy(() -> wrong.deleteUser("alice")).isInstanceOf(HeraldAuthenticationException.class);
    }

    @Test
    void anUnknownInstanceIs404() {
        HeraldPush unknown = HeraldPush.create(options().instanceId("no-such-instance").build());

        assertThatThrownBy(() -> unknown.publishToUsers(List.of("alice"), PublishRequest.web(WebNotification.of("t", null))))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aBodyOver10KibToInterestsIs413AndAWebPushPayloadOver4KbIs422() {
        PublishRequest big = PublishRequest.web(WebNotification.of("t", null).withData(Map.of("blob", "x".repeat(11 * 1024))));

        assertThatThrownBy(() -> push.publishToInterests(List.of("orders"), big))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP 413");
                });
        // Users take bodies up to 200 KiB, but one Web Push message carries about 4 KB.
        assertThatThrownBy(() -> push.publishToUsers(List.of("alice"), big))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.reason()).startsWith("Unprocessable Entity: ").contains("Web Push");
                });
    }

    @Test
    void anUnknownPublishIdIs404() {
        assertThatThrownBy(() -> push.publishStatus("pubid-00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(HeraldHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
