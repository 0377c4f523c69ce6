package io.herald.sdk.push;

import io.herald.protocol.HeraldVersion;
import static io.herald.sdk.http.Calls.await;
import static io.herald.sdk.http.Calls.start;

import io.herald.sdk.ApiResponse;
import io.herald.sdk.HeraldHttpException;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.http.Calls;
import io.herald.sdk.http.JsonHttp;
import io.herald.sdk.notification.NotificationEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The push-notification client: publishes to the Beams APIs that Herald serves (and that hosted
 * Pusher Beams serves: same wire protocol), signs Beams tokens and deletes users. Immutable and
 * thread-safe; create one per instance and share it. It is to Beams what {@link io.herald.sdk.HeraldRest}
 * is to Channels.
 *
 * <pre>{@code
 * HeraldPush push = HeraldPush.create(HeraldPushOptions.builder()
 *         .instanceId("instance-id").secretKey("instance-secret")
 *         .baseUrl("http://127.0.0.1:6001")           // default: hosted Beams
 *         .build());
 * String publishId = push.publishToInterests(List.of("orders"),
 *         PublishRequest.web(WebNotification.of("Order shipped", "Order 42 is on its way")));
 * PublishStatus status = push.publishStatus(publishId);  // a Herald extension
 * System.out.println(status.sent() + " of " + status.targets() + " sent");
 * BeamsToken token = push.generateToken("user-42");      // hand token.toJson() to the signed-in device
 * }</pre>
 *
 * <p>A client holds no resources that need closing: drop it when done.
 *
 * <p>Every network call has a blocking form and an {@code …Async} form returning a
 * {@link CompletableFuture}; arguments are checked before anything is sent. Failures are the SDK's
 * exceptions: {@link HeraldValidationException} for a refused argument, {@link HeraldHttpException}
 * for a Beams error answer ({@code {"error","description"}}: 400, 401 as
 * {@link io.herald.sdk.HeraldAuthenticationException}, 404 unknown instance, 413, 422, 429, 5xx) and
 * {@link io.herald.sdk.HeraldNetworkException} for no answer. Blocking forms throw them; async forms
 * never throw but complete their future exceptionally, on the JDK HttpClient's threads (don't block
 * in their callbacks).
 */
public final class HeraldPush {

    /** Sent as {@code X-Pusher-Library}, as the official SDKs name themselves. */
    static final String LIBRARY = "herald-sdk-java " + HeraldVersion.current();

    private final HeraldPushOptions options;
    private final JsonHttp http;
    private final TokenIssuer tokens;
    private final String instance;

    private HeraldPush(HeraldPushOptions options, Clock clock) {
        this.options = options;
        this.http = new JsonHttp(options.baseUrl(), options.requestTimeout(), options.proxy(), true, options.sslContext());
        this.tokens = new TokenIssuer(options, clock);
        this.instance = "/instances/" + Calls.pathSegment(options.instanceId());
    }

    /**
     * A client for these options, with token expiry from the system clock.
     *
     * @param options the instance, its secret key and where its APIs are
     * @return the client; it holds no resources that need closing
     */
    public static HeraldPush create(HeraldPushOptions options) {
        return new HeraldPush(options, Clock.systemUTC());
    }

    /**
     * A client whose tokens take their expiry from {@code clock} (tests, or a corrected clock).
     *
     * @param options the instance, its secret key and where its APIs are
     * @param clock the source of each token's issue time
     * @return the client
     */
    public static HeraldPush create(HeraldPushOptions options, Clock clock) {
        return new HeraldPush(options, clock);
    }

    /**
     * A client configured by {@code PUSHER_BEAMS_*} environment variables (see {@link HeraldPushOptions}).
     *
     * @return the client
     * @throws HeraldValidationException when a required variable is missing or one is malformed
     */
    public static HeraldPush fromEnvironment() {
        return create(HeraldPushOptions.fromEnvironment());
    }

    /** @return the settings this client was created with */
    public HeraldPushOptions options() {
        return options;
    }

    // --- publishing ---------------------------------------------------------------------------

    /**
     * Publishes to every device subscribed to at least one of the interests.
     *
     * @param interests 1–100 interest names
     * @param request the notification for each platform
     * @return the publish id, for {@link #publishStatus(String)}
     * @throws HeraldValidationException when an interest or the request is invalid
     * @throws HeraldHttpException when the Beams API answers other than 2xx
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public String publishToInterests(List<String> interests, PublishRequest request) {
        return await(publishToInterestsAsync(interests, request));
    }

    /**
     * Like {@link #publishToInterests(List, PublishRequest)} with the body as a map, as the official SDKs take it.
     *
     * @param interests 1–100 interest names
     * @param body the publish body: {@code web}, {@code fcm}, {@code apns}…
     * @return the publish id
     * @throws HeraldValidationException when an interest or the body is invalid
     * @throws HeraldHttpException when the Beams API answers other than 2xx
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public String publishToInterests(List<String> interests, Map<String, ?> body) {
        return await(publishToInterestsAsync(interests, body));
    }

    /**
     * {@link #publishToInterests(List, PublishRequest)} without blocking.
     *
     * @param interests 1–100 interest names
     * @param request the notification for each platform
     * @return completes with the publish id, or exceptionally with the SDK's exception
     */
    public CompletableFuture<String> publishToInterestsAsync(List<String> interests, PublishRequest request) {
        return start(() -> publish("interests", PushTargets.interests(interests), require(request)));
    }

    /**
     * {@link #publishToInterests(List, Map)} without blocking.
     *
     * @param interests 1–100 interest names
     * @param body the publish body
     * @return completes with the publish id, or exceptionally with the SDK's exception
     */
    public CompletableFuture<String> publishToInterestsAsync(List<String> interests, Map<String, ?> body) {
        return start(() -> publish("interests", PushTargets.interests(interests), PublishRequest.of(body)));
    }

    /**
     * Publishes to every device of the users (devices signed in with a token).
     *
     * @param users 1–1000 user ids
     * @param request the notification for each platform
     * @return the publish id, for {@link #publishStatus(String)}
     * @throws HeraldValidationException when a user id or the request is invalid
     * @throws HeraldHttpException when the Beams API answers other than 2xx
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public String publishToUsers(List<String> users, PublishRequest request) {
        return await(publishToUsersAsync(users, request));
    }

    /**
     * Like {@link #publishToUsers(List, PublishRequest)} with the body as a map.
     *
     * @param users 1–1000 user ids
     * @param body the publish body
     * @return the publish id
     * @throws HeraldValidationException when a user id or the body is invalid
     * @throws HeraldHttpException when the Beams API answers other than 2xx
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public String publishToUsers(List<String> users, Map<String, ?> body) {
        return await(publishToUsersAsync(users, body));
    }

    /**
     * {@link #publishToUsers(List, PublishRequest)} without blocking.
     *
     * @param users 1–1000 user ids
     * @param request the notification for each platform
     * @return completes with the publish id, or exceptionally with the SDK's exception
     */
    public CompletableFuture<String> publishToUsersAsync(List<String> users, PublishRequest request) {
        return start(() -> publish("users", PushTargets.users(users), require(request)));
    }

    /**
     * {@link #publishToUsers(List, Map)} without blocking.
     *
     * @param users 1–1000 user ids
     * @param body the publish body
     * @return completes with the publish id, or exceptionally with the SDK's exception
     */
    public CompletableFuture<String> publishToUsersAsync(List<String> users, Map<String, ?> body) {
        return start(() -> publish("users", PushTargets.users(users), PublishRequest.of(body)));
    }

    /**
     * Publishes a structured notification to one recipient, on the interest {@code {name}-{recipientId}}
     * (the naming {@link io.herald.sdk.HeraldRest#sendNotification} uses for channels): the browser
     * shows {@code web}, and the page or service worker gets
     * {@code data = {"event": notification.eventName(), "notification": notification.data()}}, the
     * same message types, actions and sequence numbers a Channels notification carries.
     *
     * @param name the interest prefix
     * @param recipientId the recipient, appended to the interest
     * @param web what the browser shows; must not carry data of its own
     * @param notification the notification that becomes the data
     * @return the publish id
     * @throws HeraldValidationException when an argument is null, {@code web} has data, or the interest is invalid
     * @throws HeraldHttpException when the Beams API answers other than 2xx
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public String sendNotification(String name, String recipientId, WebNotification web, NotificationEvent notification) {
        return await(sendNotificationAsync(name, recipientId, web, notification));
    }

    /**
     * {@link #sendNotification(String, String, WebNotification, NotificationEvent)} without blocking.
     *
     * @param name the interest prefix
     * @param recipientId the recipient, appended to the interest
     * @param web what the browser shows; must not carry data of its own
     * @param notification the notification that becomes the data
     * @return completes with the publish id, or exceptionally with the SDK's exception
     */
    public CompletableFuture<String> sendNotificationAsync(String name, String recipientId, WebNotification web,
            NotificationEvent notification) {
        return start(() -> publish("interests", List.of(PushTargets.interest(NotificationEvent.recipientChannel(name, recipientId))),
                notificationRequest(web, notification)));
    }

    /** The publish body of {@link #sendNotification}: {@code web}, with the notification as its data. */
    static PublishRequest notificationRequest(WebNotification web, NotificationEvent notification) {
        if (web == null || notification == null) {
            throw new HeraldValidationException("web and notification must not be null");
        }
        if (web.data() != null) {
            throw new HeraldValidationException("web already carries data; the notification becomes its data");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", notification.eventName());
        data.put("notification", notification.data());
        return PublishRequest.web(web.withData(data));
    }

    // --- users and tokens ---------------------------------------------------------------------

    /**
     * A token that lets a device sign in as {@code userId}, valid for {@link HeraldPushOptions#tokenTtl()}.
     * Signed locally: nothing is sent, so there is no async form.
     *
     * @param userId 1–164 bytes
     * @return the token, to hand to the device (its {@link BeamsToken#toJson()} is what Beams' auth endpoint answers)
     * @throws HeraldValidationException when the user id is blank or too long
     */
    public BeamsToken generateToken(String userId) {
        return tokens.issue(userId);
    }

    /**
     * Removes the user and all their devices; they get no more notifications.
     *
     * @param userId the user id
     * @throws HeraldValidationException when the user id is blank or too long
     * @throws HeraldHttpException when the Beams API answers other than 2xx
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public void deleteUser(String userId) {
        await(deleteUserAsync(userId));
    }

    /**
     * {@link #deleteUser(String)} without blocking.
     *
     * @param userId the user id
     * @return completes when removed, or exceptionally with the SDK's exception
     */
    public CompletableFuture<Void> deleteUserAsync(String userId) {
        return start(() -> send("DELETE", "/customer_api/v1" + instance + "/users/" + Calls.pathSegment(PushTargets.userId(userId)), null)
                .thenApply(response -> null));
    }

    /**
     * Where the deliveries of a publish stand (a Herald extension: hosted Beams answers 404).
     *
     * @param publishId an id a publish returned
     * @return the counts of targeted, queued, sent, failed and removed devices
     * @throws HeraldValidationException when the id is blank
     * @throws HeraldHttpException when the server answers other than 2xx (404 for an unknown id)
     * @throws io.herald.sdk.HeraldNetworkException when no answer arrives
     */
    public PublishStatus publishStatus(String publishId) {
        return await(publishStatusAsync(publishId));
    }

    /**
     * {@link #publishStatus(String)} without blocking.
     *
     * @param publishId an id a publish returned
     * @return completes with the status, or exceptionally with the SDK's exception
     */
    public CompletableFuture<PublishStatus> publishStatusAsync(String publishId) {
        return start(() -> {
            if (publishId == null || publishId.isBlank()) {
                throw new HeraldValidationException("publishId must not be blank");
            }
            return send("GET", "/publish_api/v1" + instance + "/publishes/" + Calls.pathSegment(publishId), null)
                    .thenApply(response -> PublishStatus.parse(publishId, response.body()));
        });
    }

    // --- plumbing -----------------------------------------------------------------------------

    private CompletableFuture<String> publish(String field, List<String> targets, PublishRequest request) {
        String path = "/publish_api/v1" + instance + "/publishes/" + field;
        return send("POST", path, request.bodyTo(field, targets)).thenApply(response -> publishId(path, response));
    }

    private CompletableFuture<ApiResponse> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + options.secretKey())
                .header("X-Pusher-Library", LIBRARY);
        return http.send(method, URI.create(options.baseUrl() + path), path, request, body);
    }

    private static String publishId(String path, ApiResponse response) {
        String id = response.body().path("publishId").asText("");
        if (id.isEmpty()) {
            throw new HeraldHttpException(response.status(), response.body(),
                    "POST " + path + " answered " + response.status() + " without a publishId");
        }
        return id;
    }

    private static PublishRequest require(PublishRequest request) {
        if (request == null) {
            throw new HeraldValidationException("the publish request must not be null");
        }
        return request;
    }
}
