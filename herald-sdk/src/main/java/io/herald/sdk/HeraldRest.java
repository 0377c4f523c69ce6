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
 * HeraldRest herald = HeraldRest.create(HeraldRestOptions.builder()
 *         .appId("1").key("app-key").secret("app-secret")
 *         .host("127.0.0.1").port(6001)              // plain HTTP to a local Herald
 *         .build());                                 // or HeraldRest.fromUrl("https://key:secret@herald.example.com/apps/1")
 * try {
 *     herald.trigger("orders", "order-placed", Map.of("id", 42));
 *     ChannelInfo orders = herald.channel("orders", "subscription_count");
 *     System.out.println("subscribers: " + orders.subscriptionCount());
 * } catch (HeraldHttpException e) {
 *     System.err.println("HTTP " + e.status() + ": " + e.reason() + (e.isRetryable() ? " (retry later)" : ""));
 * }
 * }</pre>
 *
 * <p>A client holds no resources that need closing: drop it when done.
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

    /**
     * A client for these options, with request timestamps from the system clock.
     *
     * @param options where the server is and the app's credentials
     * @return the client; it holds no resources that need closing
     */
    public static HeraldRest create(HeraldRestOptions options) {
        return new HeraldRest(options, Clock.systemUTC());
    }

    /**
     * A client whose request timestamps come from {@code clock} (tests, or a corrected clock).
     *
     * @param options where the server is and the app's credentials
     * @param clock the source of each request's {@code auth_timestamp}
     * @return the client
     */
    public static HeraldRest create(HeraldRestOptions options, Clock clock) {
        return new HeraldRest(options, clock);
    }

    /**
     * A client for {@code http[s]://KEY:SECRET@HOST[:PORT]/apps/APP_ID}.
     *
     * @param url the app's URL, credentials included
     * @return the client
     * @throws HeraldValidationException when the URL is malformed or misses a part
     */
    public static HeraldRest fromUrl(String url) {
        return create(HeraldRestOptions.fromUrl(url));
    }

    /**
     * A client configured by the {@code PUSHER_*} environment variables (see
     * {@link HeraldRestOptions.Builder#environment(Map)}).
     *
     * @return the client
     * @throws HeraldValidationException when a required setting is missing or malformed
     */
    public static HeraldRest fromEnvironment() {
        return create(HeraldRestOptions.fromEnvironment());
    }

    /** @return the settings this client was created with */
    public HeraldRestOptions options() {
        return options;
    }

    // --- publishing ---------------------------------------------------------------------------

    /**
     * Publishes {@code event} with {@code data} on one channel.
     *
     * @param channel the channel name
     * @param event the event name
     * @param data a string sent as is; anything else is serialised to JSON by the configured serializer
     * @return the server's answer
     * @throws HeraldValidationException when an argument is invalid or the data is over the size limit
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives (a {@link HeraldTimeoutException} after the request timeout)
     */
    public TriggerResult trigger(String channel, String event, Object data) {
        return trigger(Event.of(channel, event, data));
    }

    /**
     * Publishes on up to 100 channels at once (an encrypted channel must be alone).
     *
     * @param channels the channel names
     * @param event the event name
     * @param data a string sent as is; anything else is serialised to JSON
     * @return the server's answer
     * @throws HeraldValidationException when an argument is invalid or the data is over the size limit
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public TriggerResult trigger(List<String> channels, String event, Object data) {
        return trigger(Event.of(channels, event, data));
    }

    /**
     * Publishes an event built with {@link Event#of(String, String, Object)}, e.g. one that excludes a socket
     * or asks for channel info.
     *
     * @param event the event
     * @return the server's answer, with the channel info asked for
     * @throws HeraldValidationException when the event is invalid or over the size limit
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public TriggerResult trigger(Event event) {
        return await(triggerAsync(event));
    }

    /**
     * {@link #trigger(String, String, Object)} without blocking.
     *
     * @param channel the channel name
     * @param event the event name
     * @param data a string sent as is; anything else is serialised to JSON
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> triggerAsync(String channel, String event, Object data) {
        return start(() -> triggerAsync(Event.of(channel, event, data)));
    }

    /**
     * {@link #trigger(List, String, Object)} without blocking.
     *
     * @param channels the channel names, up to 100
     * @param event the event name
     * @param data a string sent as is; anything else is serialised to JSON
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> triggerAsync(List<String> channels, String event, Object data) {
        return start(() -> triggerAsync(Event.of(channels, event, data)));
    }

    /**
     * {@link #trigger(Event)} without blocking.
     *
     * @param event the event
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> triggerAsync(Event event) {
        return start(() -> sendPost("/events", encoder.trigger(event)).thenApply(TriggerResult::parse));
    }

    /**
     * Publishes up to 10 events, each on one channel, in one request.
     *
     * @param events the events, each with exactly one channel
     * @return the server's answer, one item per event in the same order
     * @throws HeraldValidationException when an event is invalid or there are too many
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public BatchResult triggerBatch(List<Event> events) {
        return await(triggerBatchAsync(events));
    }

    /**
     * {@link #triggerBatch(List)} without blocking.
     *
     * @param events the events, each with exactly one channel
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<BatchResult> triggerBatchAsync(List<Event> events) {
        return start(() -> {
            String body = encoder.batch(events); // refuses a null list or event before List.copyOf would throw NPE
            List<Event> sent = List.copyOf(events);
            return sendPost("/batch_events", body).thenApply(response -> BatchResult.parse(response, sent));
        });
    }

    // --- queries ------------------------------------------------------------------------------

    /**
     * Occupied channels whose names start with {@code prefix}, with the {@code info} attributes asked for
     * ({@code user_count} needs the {@code presence-} prefix).
     *
     * @param prefix a name prefix; {@code null} or empty for all channels
     * @param info attributes to include, e.g. {@code "user_count"}; none for names only
     * @return the channels by name; empty when none is occupied
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public Map<String, ChannelInfo> channels(String prefix, String... info) {
        return await(channelsAsync(prefix, info));
    }

    /**
     * {@link #channels(String, String...)} without blocking.
     *
     * @param prefix a name prefix; {@code null} or empty for all channels
     * @param info attributes to include
     * @return completes with the channels by name, or exceptionally with the SDK's exception
     */
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

    /**
     * One channel's state: {@code occupied}, plus {@code user_count}/{@code subscription_count} when asked.
     *
     * @param name the channel name
     * @param info attributes to include, e.g. {@code "subscription_count"}
     * @return the channel's state; attributes not asked for are {@code null}
     * @throws HeraldValidationException when the name is invalid
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public ChannelInfo channel(String name, String... info) {
        return await(channelAsync(name, info));
    }

    /**
     * {@link #channel(String, String...)} without blocking.
     *
     * @param name the channel name
     * @param info attributes to include
     * @return completes with the channel's state, or exceptionally with the SDK's exception
     */
    public CompletableFuture<ChannelInfo> channelAsync(String name, String... info) {
        return start(() -> {
            encoder.checkChannel(name, "");
            Map<String, String> query = new LinkedHashMap<>();
            putInfo(query, info);
            return sendGet(appPath + "/channels/" + name, query)
                    .thenApply(response -> ChannelInfo.parse(name, response.body()));
        });
    }

    /**
     * The ids of the users in a presence channel.
     *
     * @param presenceChannel a {@code presence-} channel name
     * @return the user ids; empty when nobody is there
     * @throws HeraldValidationException when the name is not a presence channel's
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public List<String> users(String presenceChannel) {
        return await(usersAsync(presenceChannel));
    }

    /**
     * {@link #users(String)} without blocking.
     *
     * @param presenceChannel a {@code presence-} channel name
     * @return completes with the user ids, or exceptionally with the SDK's exception
     */
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

    /**
     * A signed GET of any API path under {@code /apps/{id}}, for endpoints this class has no method for.
     *
     * @param path e.g. {@code "/channels"}; a missing leading slash is added
     * @param query query parameters, or {@code null} for none
     * @return the status and parsed body
     * @throws HeraldValidationException when the path is empty
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public ApiResponse get(String path, Map<String, String> query) {
        return await(getAsync(path, query));
    }

    /**
     * {@link #get(String, Map)} without blocking.
     *
     * @param path e.g. {@code "/channels"}
     * @param query query parameters, or {@code null} for none
     * @return completes with the status and body, or exceptionally with the SDK's exception
     */
    public CompletableFuture<ApiResponse> getAsync(String path, Map<String, String> query) {
        return start(() -> transport.send("GET", appPath + relative(path), query == null ? Map.of() : query, null));
    }

    /**
     * A signed POST of a JSON body to any API path under {@code /apps/{id}}.
     *
     * @param path e.g. {@code "/events"}; a missing leading slash is added
     * @param jsonBody the body as JSON text, sent as is; {@code null} sends {@code {}}
     * @return the status and parsed body
     * @throws HeraldValidationException when the path is empty
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public ApiResponse post(String path, String jsonBody) {
        return await(postAsync(path, jsonBody));
    }

    /**
     * {@link #post(String, String)} without blocking.
     *
     * @param path e.g. {@code "/events"}
     * @param jsonBody the body as JSON text; {@code null} sends {@code {}}
     * @return completes with the status and body, or exceptionally with the SDK's exception
     */
    public CompletableFuture<ApiResponse> postAsync(String path, String jsonBody) {
        return start(() -> transport.send("POST", appPath + relative(path), Map.of(), jsonBody == null ? "{}" : jsonBody));
    }

    // --- users --------------------------------------------------------------------------------

    /**
     * Sends an event to every connection signed in as {@code userId} (channel {@code #server-to-user-{userId}}).
     *
     * @param userId the user's id, as signed in
     * @param event the event name
     * @param data a string sent as is; anything else is serialised to JSON
     * @return the server's answer
     * @throws HeraldValidationException when the user id is blank or an argument is invalid
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public TriggerResult sendToUser(String userId, String event, Object data) {
        return await(sendToUserAsync(userId, event, data));
    }

    /**
     * {@link #sendToUser(String, String, Object)} without blocking.
     *
     * @param userId the user's id
     * @param event the event name
     * @param data a string sent as is; anything else is serialised to JSON
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> sendToUserAsync(String userId, String event, Object data) {
        return start(() -> triggerAsync(ChannelName.SERVER_TO_USER_PREFIX + requireUserId(userId), event, data));
    }

    /**
     * Closes every connection signed in as {@code userId}.
     *
     * @param userId the user's id
     * @return the server's answer
     * @throws HeraldValidationException when the user id is blank
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public ApiResponse terminateUserConnections(String userId) {
        return await(terminateUserConnectionsAsync(userId));
    }

    /**
     * {@link #terminateUserConnections(String)} without blocking.
     *
     * @param userId the user's id
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<ApiResponse> terminateUserConnectionsAsync(String userId) {
        return start(() -> transport.send("POST", appPath + "/users/" + Calls.pathSegment(requireUserId(userId)) + "/terminate_connections", Map.of(), "{}"));
    }

    // --- notifications ------------------------------------------------------------------------

    /**
     * Sends a notification to one recipient: event {@code notification.eventName()} on the channel
     * {@code {channel}-{recipientId}}, the notification's JSON as data.
     *
     * @param channel the channel prefix, e.g. {@code private-notifications}
     * @param recipientId the recipient, appended to the channel name
     * @param notification the notification
     * @return the server's answer
     * @throws HeraldValidationException when the notification is null or the channel name invalid
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public TriggerResult sendNotification(String channel, String recipientId, NotificationEvent notification) {
        return await(sendNotificationAsync(channel, recipientId, notification));
    }

    /**
     * {@link #sendNotification(String, String, NotificationEvent)} without blocking.
     *
     * @param channel the channel prefix
     * @param recipientId the recipient, appended to the channel name
     * @param notification the notification
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> sendNotificationAsync(String channel, String recipientId, NotificationEvent notification) {
        return start(() -> {
            if (notification == null) {
                throw new HeraldValidationException("notification must not be null");
            }
            return triggerAsync(NotificationEvent.recipientChannel(channel, recipientId), notification.eventName(), notification.data());
        });
    }

    /**
     * The Go package's name for {@link #sendNotification} of a version-1 event ({@code SendEventMessage}).
     *
     * @param channel the channel prefix
     * @param recipientId the recipient, appended to the channel name
     * @param event the notification
     * @return the server's answer
     * @throws HeraldValidationException when the notification is null or the channel name invalid
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public TriggerResult sendEventMessage(String channel, String recipientId, NotificationEvent event) {
        return sendNotification(channel, recipientId, event);
    }

    /**
     * {@link #sendEventMessage(String, String, NotificationEvent)} without blocking.
     *
     * @param channel the channel prefix
     * @param recipientId the recipient, appended to the channel name
     * @param event the notification
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> sendEventMessageAsync(String channel, String recipientId, NotificationEvent event) {
        return sendNotificationAsync(channel, recipientId, event);
    }

    /**
     * The Go package's name for {@link #sendNotification} of a version-2 event ({@code SendPusherEvent}).
     *
     * @param channel the channel prefix
     * @param recipientId the recipient, appended to the channel name
     * @param event the notification
     * @return the server's answer
     * @throws HeraldValidationException when the notification is null or the channel name invalid
     * @throws HeraldHttpException when the server answers other than 2xx
     * @throws HeraldNetworkException when no answer arrives
     */
    public TriggerResult sendPusherEvent(String channel, String recipientId, NotificationEvent event) {
        return sendNotification(channel, recipientId, event);
    }

    /**
     * {@link #sendPusherEvent(String, String, NotificationEvent)} without blocking.
     *
     * @param channel the channel prefix
     * @param recipientId the recipient, appended to the channel name
     * @param event the notification
     * @return completes with the server's answer, or exceptionally with the SDK's exception
     */
    public CompletableFuture<TriggerResult> sendPusherEventAsync(String channel, String recipientId, NotificationEvent event) {
        return sendNotificationAsync(channel, recipientId, event);
    }

    // --- authorization and encryption ---------------------------------------------------------

    /**
     * The auth endpoint's answer for a private or encrypted channel (JSON, as pusher-js expects). Signs
     * locally; nothing is sent.
     *
     * @param socketId the socket id the browser sent
     * @param channel the channel name the browser sent
     * @return the JSON body to answer with: {@code auth}, plus {@code shared_secret} for encrypted channels
     * @throws HeraldValidationException when the socket id or channel name is malformed, the channel is a
     *     presence or public one, or an encrypted channel is asked for without a master key
     */
    public String authorizeChannel(String socketId, String channel) {
        return authorizer.authorizeChannel(socketId, channel);
    }

    /**
     * The auth endpoint's answer for a presence channel (JSON with {@code channel_data}). Signs locally.
     *
     * @param socketId the socket id the browser sent
     * @param channel the {@code presence-} channel name the browser sent
     * @param member who joins: the user id and optional info; {@code null} behaves as {@link #authorizeChannel(String, String)}
     * @return the JSON body to answer with
     * @throws HeraldValidationException when an argument is malformed or the channel is not a presence channel
     */
    public String authorizeChannel(String socketId, String channel, PresenceData member) {
        return authorizer.authorizeChannel(socketId, channel, member);
    }

    /**
     * The user-authentication endpoint's answer for {@code pusher:signin} (JSON with {@code user_data}).
     * Signs locally.
     *
     * @param socketId the socket id the browser sent
     * @param user the signed-in user: id, optional info and watchlist
     * @return the JSON body to answer with
     * @throws HeraldValidationException when the socket id is malformed, the user is null or its watchlist
     *     holds more than {@link UserData#MAX_WATCHLIST} ids
     */
    public String authenticateUser(String socketId, UserData user) {
        return authorizer.authenticateUser(socketId, user);
    }

    /**
     * The channel encryption of this app, for decrypting events (e.g. client events from webhooks).
     *
     * @return the app's encryption
     * @throws HeraldValidationException when no encryption master key is set
     */
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
