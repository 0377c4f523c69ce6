package io.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import io.herald.server.app.StaticAppStore;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.channel.ChannelRegistry;
import io.herald.server.channel.PresenceMember;
import io.herald.server.channel.RecordingSubscriber;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.user.UserRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API without a socket: signed requests through {@link ApiService} into a real
 * {@link LocalAdapter}, with recording subscribers in the channels. Every route's answer, and every
 * refusal as an {@link ApiException} with its status and message.
 */
class ApiServiceTest {

    private static final long NOW = 1_760_000_000L;
    private static final App APP = App.of("app-1", "key-1", "secret-1");
    private static final App DISABLED = App.builder("app-2", "key-2", "secret-2").enabled(false).build();

    private final ChannelRegistries registries = new ChannelRegistries();
    private final ApiService api = new ApiService(new StaticAppStore(List.of(APP, DISABLED)),
            new LocalAdapter(registries, new UserRegistry(), Duration.ofMinutes(30)),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private final ChannelRegistry channels = registries.forApp(APP.id());

    @Test
    void aTriggerReachesTheChannelsSubscribersAsAQuotedStringAndAnswersWithAnEventId() {
        RecordingSubscriber reader = subscribe("news", "1.1");
        RecordingSubscriber sender = subscribe("news", "1.2");

        JsonNode response = ok(call(APP, "POST", "/events", Map.of(),
                "{\"name\":\"update\",\"channel\":\"news\",\"data\":\"{\\\"score\\\":3}\",\"socket_id\":\"1.2\"}"));

        assertThat(response.get("event_id").asText()).isNotBlank();
        assertThat(reader.received()).containsExactly(
                "{\"event\":\"update\",\"channel\":\"news\",\"data\":\"{\\\"score\\\":3}\"}");
        assertThat(sender.received()).as("the excluded socket").isEmpty();
    }

    @Test
    void aTriggerAsksForChannelInfoAndABatchAnswersPerEvent() {
        subscribe("news", "1.1");
        subscribe("news", "1.2");

        JsonNode trigger = ok(call(APP, "POST", "/events", Map.of(),
                "{\"name\":\"e\",\"channels\":[\"news\",\"empty\"],\"data\":\"x\",\"info\":\"subscription_count\"}"));
        assertThat(trigger.get("channels").get("news").get("subscription_count").asInt()).isEqualTo(2);
        assertThat(trigger.get("channels").get("empty").get("subscription_count").asInt()).isZero();

        JsonNode batch = ok(call(APP, "POST", "/batch_events", Map.of(),
                "{\"batch\":[{\"name\":\"a\",\"channel\":\"news\",\"data\":\"1\",\"info\":\"subscription_count\"},"
                        + "{\"name\":\"b\",\"channel\":\"news\",\"data\":\"2\"}]}"));
        assertThat(batch.get("batch")).hasSize(2);
        assertThat(batch.get("batch").get(0).get("subscription_count").asInt()).isEqualTo(2);
        assertThat(batch.get("batch").get(1).has("subscription_count")).isFalse();
    }

    @Test
    void channelQueriesReportWhatIsSubscribed() {
        subscribe("news", "1.1");
        join("presence-room", "1.2", "ann");
        join("presence-room", "1.3", "bob");
        join("presence-room", "1.4", "bob");

        JsonNode all = ok(call(APP, "GET", "/channels", Map.of(), null));
        assertThat(all.get("channels").fieldNames()).toIterable().containsExactlyInAnyOrder("news", "presence-room");
        JsonNode presence = ok(call(APP, "GET", "/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"), null));
        assertThat(presence.get("channels").get("presence-room").get("user_count").asInt()).isEqualTo(2);

        JsonNode news = ok(call(APP, "GET", "/channels/news", Map.of("info", "subscription_count"), null));
        assertThat(news.get("occupied").asBoolean()).isTrue();
        assertThat(news.get("subscription_count").asInt()).isEqualTo(1);
        assertThat(ok(call(APP, "GET", "/channels/quiet", Map.of(), null)).get("occupied").asBoolean()).isFalse();

        JsonNode users = ok(call(APP, "GET", "/channels/presence-room/users", Map.of(), null));
        assertThat(users.get("users").findValuesAsText("id")).containsExactlyInAnyOrder("ann", "bob");
        assertThat(ok(call(APP, "POST", "/users/ann/terminate_connections", Map.of(), "{}"))).isEmpty();
    }

    @Test
    void refusalsComeBackAsStatusesWithAnErrorMessage() {
        assertRefused(call(APP, "GET", "/events", Map.of(), null), 405, "Use POST for this path, not GET");
        assertRefused(call(APP, "POST", "/channels", Map.of(), "{}"), 405, "Use GET for this path, not POST");
        assertRefused(call(APP, "GET", "/nowhere", Map.of(), null), 404, "No such API path: /apps/app-1/nowhere");
        assertRefused(call(DISABLED, "GET", "/channels", Map.of(), null), 403, "App app-2 is disabled");
        assertRefused(call(APP, "POST", "/events", Map.of(), ""), 400, "request body is empty; expected JSON");
        assertThat(refusedWith(call(APP, "POST", "/events", Map.of(), "{\"name\":"), 400)).startsWith("request body ");
        assertRefused(call(APP, "POST", "/batch_events", Map.of(), "{\"batch\":{}}"), 400, "batch must be an array of events");
        assertRefused(call(APP, "GET", "/channels", Map.of("info", "user_count"), null), 400,
                "info=user_count needs filter_by_prefix=presence-");
        assertRefused(call(APP, "GET", "/channels/news/users", Map.of(), null), 400,
                "users are only available for presence channels, not news");
        assertRefused(api.handle(new ApiRequest("GET", "/apps/app-9/channels", Map.of(), new byte[0])), 404,
                "App app-9 does not exist");
        assertRefused(api.handle(new ApiRequest("GET", "/somewhere", Map.of(), new byte[0])), 404,
                "No such API path: /somewhere");
        assertThat(refusedWith(api.handle(new ApiRequest("GET", "/apps/app-1/channels", Map.of(), new byte[0])), 401))
                .isEqualTo("auth_key is missing");
    }

    @Test
    void nothingIsPublishedWhenOneEventOfABatchIsRefused() {
        RecordingSubscriber reader = subscribe("news", "1.1");

        assertRefused(call(APP, "POST", "/batch_events", Map.of(),
                "{\"batch\":[{\"name\":\"a\",\"channel\":\"news\",\"data\":\"1\"},{\"name\":\"b\",\"data\":\"2\"}]}"),
                400, "batch[1]: channel is required");

        assertThat(reader.received()).isEmpty();
    }

    private RecordingSubscriber subscribe(String channel, String socketId) {
        RecordingSubscriber subscriber = new RecordingSubscriber(socketId);
        channels.join(channel, subscriber, null, APP.limits());
        return subscriber;
    }

    private void join(String channel, String socketId, String userId) {
        channels.join(channel, new RecordingSubscriber(socketId),
                new PresenceMember(userId, JsonNodeFactory.instance.objectNode()), APP.limits());
    }

    /** A request under {@code /apps/{id}} signed with the app's secret at {@link #NOW}. */
    private CompletableFuture<ApiResponse> call(App app, String method, String subPath, Map<String, String> query,
                                                String body) {
        String path = "/apps/" + app.id() + subPath;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return api.handle(new ApiRequest(method, path,
                RequestSigning.signedQuery(app.key(), app.secret(), method, path, query, bytes, NOW), bytes));
    }

    private static JsonNode ok(CompletableFuture<ApiResponse> answer) {
        ApiResponse response = answer.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(200);
        return response.body();
    }

    private static void assertRefused(CompletableFuture<ApiResponse> answer, int status, String error) {
        assertThat(refusedWith(answer, status)).isEqualTo(error);
    }

    /** The message of a refusal: the transport writes it as {@code {"error": message}} with its status. */
    private static String refusedWith(CompletableFuture<ApiResponse> answer, int status) {
        Throwable failure = catchThrowable(() -> answer.get(5, TimeUnit.SECONDS));
        assertThat(failure).as("a refusal").isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(ApiException.class);
        ApiException refused = (ApiException) failure.getCause();
        assertThat(refused.status()).as("status of '%s'", refused.getMessage()).isEqualTo(status);
        return refused.getMessage();
    }
}
