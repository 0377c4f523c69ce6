package io.herald.sdk;

import static io.herald.sdk.http.Calls.await;
import static io.herald.sdk.http.Calls.start;

import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.sdk.auth.Authorizer;
import io.herald.sdk.auth.PresenceData;
import io.herald.sdk.auth.UserData;
import io.herald.sdk.crypto.ChannelEncryption;
import io.herald.sdk.http.Calls;
import io.herald.sdk.http.HttpTransport;
import io.herald.sdk.notification.NotificationEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Herald (and Pusher Channels) server SDK's client of the Channels HTTP API: publish events,
 * query channels, act on users, authorize subscriptions and sign-ins. Named for what it speaks, like
 * {@code AblyRest}: its siblings are {@link io.herald.sdk.push.HeraldPush} (the Beams APIs) and
 * herald-client's {@code HeraldRealtime} (a WebSocket subscriber). Immutable and thread-safe; create
 * one per app and share it.
 *
 * <pre>{@code
 * HeraldRest herald = HeraldRest.create(HeraldRestOptions.fromUrl("https://key:secret@herald.example.com/apps/1"));
 * herald.trigger("orders", "created", Map.of("id", 42));
 * }</pre>
 *
 * <p>Every call has a blocking form and an {@code …Async} form returning a {@link CompletableFuture}.
 * Blocking calls throw the SDK's exceptions directly; async futures complete exceptionally with them
 * (wrapped in {@link CompletionException} when observed through {@code join}). Arguments are checked
 * before anything is sent: a bad argument is a {@link HeraldValidationException}, thrown by the
 * blocking form and delivered through the future by the async one. Futures complete on the JDK
 * HttpClient's threads: don't block inside their callbacks.
 */
public final class HeraldRest {

    private final HeraldRestOptions options;
    private final HttpTransport transport;
    private final EventEncoder encoder;
    private final Authorizer authorizer;
    private final ChannelEncryption encryption;
    private final String appPath;

    private HeraldRest(HeraldRestOptions options, Clock clock) {
        this.options = options;
        this.transport = new HttpTransport(options, clock);
        byte[] masterKey = options.encryptionMasterKey();
        this.encryption = masterKey == null ? null : new ChannelEncryption(masterKey);
        this.encoder = new EventEncoder(options.limits(), options.serializer(), encryption);
        this.authorizer = new Authorizer(options.key(), options.secret(), options.limits(), options.serializer(), encryption);
        this.appPath = "/apps/" + options.appId();
    }

    public static HeraldRest create(HeraldRestOptions options) {
        return new HeraldRest(options, Clock.systemUTC());
    }

    /** A client whose request timestamps come from {@code clock} (tests, or a corrected clock). */
    public static HeraldRest create(HeraldRestOptions options, Clock clock) {
        return new HeraldRest(options, clock);
    }

    /** A client for {@code http[s]://KEY:SECRET@HOST[:PORT]/apps/APP_ID}. */
    public static HeraldRest fromUrl(String url) {
        return create(HeraldRestOptions.fromUrl(url));
    }

    /** A client configured by the {@code PUSHER_*} environment variables. */
    public static HeraldRest fromEnvironment() {
        return create(HeraldRestOptions.fromEnvironment());
    }

    public HeraldRestOptions options() {
        return options;
    }

    // --- publishing ---------------------------------------------------------------------------

    /** Publishes {@code event} with {@code data} (a string as is, else JSON) on one channel. */
    public TriggerResult trigger(String channel, String event, Object data) {
        return trigger(Event.of(channel, event, data));
    }

    /** Publishes on up to 100 channels at once (an encrypted channel must be alone). */
    public TriggerResult trigger(List<String> channels, String event, Object data) {
        return trigger(Event.of(channels, event, data));
    }

    public TriggerResult trigger(Event event) {
        return await(triggerAsync(event));
    }

    public CompletableFuture<TriggerResult> triggerAsync(String channel, String event, Object data) {
        return triggerAsync(Event.of(channel, event, data));
    }

    public CompletableFuture<TriggerResult> triggerAsync(List<String> channels, String event, Object data) {
        return triggerAsync(Event.of(channels, event, data));
    }

    public CompletableFuture<TriggerResult> triggerAsync(Event event) {
        return start(() -> sendPost("/events", encoder.trigger(event)).thenApply(TriggerResult::parse));
    }

    /** Publishes up to 10 events, each on one channel, in one request. */
    public BatchResult triggerBatch(List<Event> events) {
        return await(triggerBatchAsync(events));
    }

    public CompletableFuture<BatchResult> triggerBatchAsync(List<Event> events) {
        return start(() -> {
            List<Event> sent = List.copyOf(events);
            return sendPost("/batch_events", encoder.batch(sent)).thenApply(response -> BatchResult.parse(response, sent));
        });
    }

    // --- queries ------------------------------------------------------------------------------

    /**
     * Occupied channels whose names start with {@code prefix} ({@code null} or empty for all), with
     * the {@code info} attributes asked for ({@code user_count} needs the {@code presence-} prefix).
     */
    public Map<String, ChannelInfo> channels(String prefix, String... info) {
        return await(channelsAsync(prefix, info));
    }

    public CompletableFuture<Map<String, ChannelInfo>> channelsAsync(String prefix, String... info) {
        return start(() -> {
            Map<String, String> query = new LinkedHashMap<>();
            if (prefix != null && !prefix.isEmpty()) {
                query.put("filter_by_prefix", prefix);
            }
            putInfo(query, info);
            return sendGet(appPath + "/channels", query).thenApply(response -> {
                Map<String, ChannelInfo> channels = new LinkedHashMap<>();
                response.body().path("channels").fields()
                        .forEachRemaining(e -> channels.put(e.getKey(), ChannelInfo.parse(e.getKey(), e.getValue())));
                return Map.copyOf(channels);
            });
        });
    }

    /** One channel's state: {@code occupied}, plus {@code user_count}/{@code subscription_count} when asked. */
    public ChannelInfo channel(String name, String... info) {
        return await(channelAsync(name, info));
    }

    public CompletableFuture<ChannelInfo> channelAsync(String name, String... info) {
        return start(() -> {
            encoder.checkChannel(name, "");
            Map<String, String> query = new LinkedHashMap<>();
            putInfo(query, info);
            return sendGet(appPath + "/channels/" + name, query)
                    .thenApply(response -> ChannelInfo.parse(name, response.body()));
        });
    }

    /** The ids of the users in a presence channel. */
    public List<String> users(String presenceChannel) {
        return await(usersAsync(presenceChannel));
    }

    public CompletableFuture<List<String>> usersAsync(String presenceChannel) {
        return start(() -> {
            encoder.checkChannel(presenceChannel, "");
            if (ChannelName.typeOf(presenceChannel) != ChannelType.PRESENCE) {
                throw new HeraldValidationException("users are only listed for presence- channels, not '" + presenceChannel + "'");
            }
            return sendGet(appPath + "/channels/" + presenceChannel + "/users", Map.of()).thenApply(response -> {
                List<String> ids = new ArrayList<>();
                response.body().path("users").forEach(user -> ids.add(user.path("id").asText()));
                return List.copyOf(ids);
            });
        });
    }

    /** A signed GET of any API path under {@code /apps/{id}}, e.g. {@code "/channels"}. */
    public ApiResponse get(String path, Map<String, String> query) {
        return await(getAsync(path, query));
    }

    public CompletableFuture<ApiResponse> getAsync(String path, Map<String, String> query) {
        return start(() -> transport.send("GET", appPath + relative(path), query == null ? Map.of() : query, null));
    }

    /** A signed POST of a JSON body to any API path under {@code /apps/{id}}. */
    public ApiResponse post(String path, String jsonBody) {
        return await(postAsync(path, jsonBody));
    }

    public CompletableFuture<ApiResponse> postAsync(String path, String jsonBody) {
        return start(() -> transport.send("POST", appPath + relative(path), Map.of(), jsonBody == null ? "{}" : jsonBody));
    }

    // --- users --------------------------------------------------------------------------------

    /** Sends an event to every connection signed in as {@code userId} (channel {@code #server-to-user-{userId}}). */
    public TriggerResult sendToUser(String userId, String event, Object data) {
        return await(sendToUserAsync(userId, event, data));
    }

    public CompletableFuture<TriggerResult> sendToUserAsync(String userId, String event, Object data) {
        return start(() -> triggerAsync(ChannelName.SERVER_TO_USER_PREFIX + requireUserId(userId), event, data));
    }

    /** Closes every connection signed in as {@code userId}. */
    public ApiResponse terminateUserConnections(String userId) {
        return await(terminateUserConnectionsAsync(userId));
    }

    public CompletableFuture<ApiResponse> terminateUserConnectionsAsync(String userId) {
        return start(() -> transport.send("POST", appPath + "/users/" + Calls.pathSegment(requireUserId(userId)) + "/terminate_connections", Map.of(), "{}"));
    }

    // --- notifications ------------------------------------------------------------------------

    /**
     * Sends a notification to one recipient: event {@code notification.eventName()} on the channel
     * {@code {channel}-{recipientId}}, the notification's JSON as data.
     */
    public TriggerResult sendNotification(String channel, String recipientId, NotificationEvent notification) {
        return await(sendNotificationAsync(channel, recipientId, notification));
    }

    public CompletableFuture<TriggerResult> sendNotificationAsync(String channel, String recipientId, NotificationEvent notification) {
        return start(() -> {
            if (notification == null) {
                throw new HeraldValidationException("notification must not be null");
            }
            return triggerAsync(NotificationEvent.recipientChannel(channel, recipientId), notification.eventName(), notification.data());
        });
    }

    /** The Go package's name for {@link #sendNotification} of a version-1 event ({@code SendEventMessage}). */
    public TriggerResult sendEventMessage(String channel, String recipientId, NotificationEvent event) {
        return sendNotification(channel, recipientId, event);
    }

    public CompletableFuture<TriggerResult> sendEventMessageAsync(String channel, String recipientId, NotificationEvent event) {
        return sendNotificationAsync(channel, recipientId, event);
    }

    /** The Go package's name for {@link #sendNotification} of a version-2 event ({@code SendPusherEvent}). */
    public TriggerResult sendPusherEvent(String channel, String recipientId, NotificationEvent event) {
        return sendNotification(channel, recipientId, event);
    }

    public CompletableFuture<TriggerResult> sendPusherEventAsync(String channel, String recipientId, NotificationEvent event) {
        return sendNotificationAsync(channel, recipientId, event);
    }

    // --- authorization and encryption ---------------------------------------------------------

    /** The auth endpoint's answer for a private or encrypted channel (JSON, as pusher-js expects). */
    public String authorizeChannel(String socketId, String channel) {
        return authorizer.authorizeChannel(socketId, channel);
    }

    /** The auth endpoint's answer for a presence channel (JSON with {@code channel_data}). */
    public String authorizeChannel(String socketId, String channel, PresenceData member) {
        return authorizer.authorizeChannel(socketId, channel, member);
    }

    /** The user-authentication endpoint's answer for {@code pusher:signin} (JSON with {@code user_data}). */
    public String authenticateUser(String socketId, UserData user) {
        return authorizer.authenticateUser(socketId, user);
    }

    /** The channel encryption of this app, for decrypting events (e.g. client events from webhooks). */
    public ChannelEncryption encryption() {
        if (encryption == null) {
            throw new HeraldValidationException("encryptionMasterKey is not set");
        }
        return encryption;
    }

    // --- plumbing -----------------------------------------------------------------------------

    private CompletableFuture<ApiResponse> sendPost(String path, String body) {
        return transport.send("POST", appPath + path, Map.of(), body);
    }

    private CompletableFuture<ApiResponse> sendGet(String fullPath, Map<String, String> query) {
        return transport.send("GET", fullPath, query, null);
    }

    private static void putInfo(Map<String, String> query, String... info) {
        if (info != null && info.length > 0) {
            query.put("info", String.join(",", info));
        }
    }

    private static String requireUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new HeraldValidationException("userId must not be blank");
        }
        return userId;
    }

    private static String relative(String path) {
        if (path == null || path.isEmpty()) {
            throw new HeraldValidationException("path must not be empty");
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
