package io.herald.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.app.App;
import io.herald.server.app.AppStore;
import io.herald.server.cluster.Adapter;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.message.JsonSyntax;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API under {@code /apps/{app_id}}, as plain logic over a parsed request. Each request
 * passes the same stages: find the app → verify the signature → check the app is enabled → rate
 * limit → route;
 * each endpoint then validates its own input against the app's limits.
 */
public final class ApiService {

    private static final Pattern APP_PATH = Pattern.compile("/apps/([^/]+)(/.*)?");
    private static final Pattern CHANNEL_PATH = Pattern.compile("/channels/([^/]+)");
    private static final Pattern USERS_PATH = Pattern.compile("/channels/([^/]+)/users");
    private static final Pattern TERMINATE_PATH = Pattern.compile("/users/([^/]+)/terminate_connections");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppStore apps;
    private final RequestAuthenticator authenticator;
    private final EventsEndpoint events;
    private final ChannelsEndpoint channels;
    private final Adapter adapter;
    private final ApiRateLimits rateLimits;

    public ApiService(AppStore apps, Adapter adapter, Clock clock) {
        this(apps, adapter, clock, ConsoleFeed.OFF);
    }

    /** @param console where accepted events are reported for the debug console */
    public ApiService(AppStore apps, Adapter adapter, Clock clock, ConsoleFeed console) {
        this.apps = apps;
        this.authenticator = new RequestAuthenticator(clock);
        this.events = new EventsEndpoint(adapter, console);
        this.channels = new ChannelsEndpoint(adapter);
        this.adapter = adapter;
        this.rateLimits = new ApiRateLimits(adapter::nodeCount);
    }

    /** The app id an API path names ({@code /apps/{app_id}/…}), if it names one. */
    public static Optional<String> appId(String path) {
        Matcher m = APP_PATH.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether {@code path} belongs to the API. */
    public static boolean handles(String path) {
        return path.startsWith("/apps/");
    }

    /**
     * Answers one request. Never throws: a refusal fails the future with an {@link ApiException}
     * (status and message), which the transport writes as {@code {"error": message}}; any other
     * failure is a bug, answered with a 500.
     */
    public CompletableFuture<ApiResponse> handle(ApiRequest request) {
        try {
            return route(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<ApiResponse> route(ApiRequest request) {
        Matcher m = APP_PATH.matcher(request.path());
        if (!m.matches()) {
            throw ApiException.notFound("No such API path: " + request.path());
        }
        App app = apps.findById(m.group(1))
                .orElseThrow(() -> ApiException.notFound("App " + m.group(1) + " does not exist"));
        authenticator.verify(app, request);
        if (!app.enabled()) {
            throw ApiException.forbidden("App " + app.id() + " is disabled");
        }
        // After the signature check, so nobody without the secret can use up an app's budget.
        rateLimits.acquire(app);
        return dispatch(app, request.method(), m.group(2) == null ? "" : m.group(2), request);
    }

    /**
     * Answers a request the caller already trusts (the admin API, behind the admin token) as the
     * signed API would answer it, without signature or rate limit: {@code rest} is the path after
     * {@code /apps/{app_id}}, such as {@code /events} or {@code /channels}. Refusals fail the future
     * with an {@link ApiException}, as in {@link #handle}.
     */
    public CompletableFuture<ApiResponse> handleTrusted(App app, ApiRequest request, String rest) {
        try {
            if (!app.enabled()) {
                throw ApiException.forbidden("App " + app.id() + " is disabled");
            }
            return dispatch(app, request.method(), rest, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<ApiResponse> dispatch(App app, String method, String rest, ApiRequest request) {
        if (rest.equals("/events")) {
            requireMethod(method, "POST");
            return events.trigger(app, json(request.body()));
        }
        if (rest.equals("/batch_events")) {
            requireMethod(method, "POST");
            return events.batch(app, json(request.body()));
        }
        if (rest.equals("/channels")) {
            requireMethod(method, "GET");
            return channels.list(app, request.query());
        }
        Matcher channel = CHANNEL_PATH.matcher(rest);
        if (channel.matches()) {
            requireMethod(method, "GET");
            return channels.show(app, channel.group(1), request.query());
        }
        Matcher terminate = TERMINATE_PATH.matcher(rest);
        if (terminate.matches()) {
            requireMethod(method, "POST");
            adapter.terminateUserConnections(app.id(), terminate.group(1));
            return CompletableFuture.completedFuture(ApiResponse.ok(JsonNodeFactory.instance.objectNode()));
        }
        Matcher users = USERS_PATH.matcher(rest);
        if (users.matches()) {
            requireMethod(method, "GET");
            return channels.users(app, users.group(1));
        }
        throw ApiException.notFound("No such API path: " + request.path());
    }

    private static void requireMethod(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw ApiException.methodNotAllowed("Use " + expected + " for this path, not " + actual);
        }
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("request body is empty; expected JSON");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request body " + JsonSyntax.describe(e));
        } catch (IOException e) {
            throw ApiException.badRequest("request body is not valid JSON");
        }
    }
}
