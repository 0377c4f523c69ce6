package io.herald.push.api;

import io.herald.push.PushInstance;
import io.herald.push.PushOptions;
import io.herald.push.data.PublishStore.Audience;
import io.herald.server.log.ThrottledLog;
import io.herald.server.transport.HttpService;
import io.herald.server.transport.HttpServiceRequest;
import io.herald.server.transport.HttpServiceResponse;
import io.herald.store.StoreException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The Beams-compatible HTTP APIs on the server's port: routes a request to its endpoint, checks the
 * instance and its credentials, and turns every refusal into a Beams error body
 * {@code {"error", "description"}}. Endpoints touch the store, so they run on the store executor,
 * never on the event loop; a full executor answers 429.
 */
public final class PushHttpService implements HttpService {

    private static final Logger log = LoggerFactory.getLogger(PushHttpService.class);
    private static final Pattern PUBLISH = Pattern.compile("/publish_api/v1/instances/([^/]+)/publishes(?:/([^/]+))?");
    private static final Pattern CUSTOMER = Pattern.compile("/(?:customer|user)_api/v1/instances/([^/]+)/users/([^/]+)");
    private static final Pattern DEVICE = Pattern.compile("/device_api/v1/instances/([^/]+)/(.+)");
    private static final Pattern DEVICE_PATH = Pattern.compile("devices/web(?:/([^/]+)(?:/(metadata|interests|user)(?:/([^/]+))?)?)?");
    private static final Pattern REPORTING = Pattern.compile("/reporting_api/v2/instances/([^/]+)/events");

    private final PushOptions options;
    private final Executor executor;
    private final Cors cors;
    private final LongFunction<Endpoints> endpoints;
    private final ThrottledLog storeFailures = new ThrottledLog(log, "Answering push requests with 503: the push store failed");
    private final ThrottledLog failures = new ThrottledLog(log, Level.ERROR, "Push requests failed with 500");

    /**
     * @param endpoints called on a store thread for each request, with when the request arrived
     *                  ({@link System#nanoTime}); it may open the store on first use, and a
     *                  {@link StoreException} from it is answered 503
     */
    public PushHttpService(PushOptions options, Executor executor, LongFunction<Endpoints> endpoints) {
        this.options = options;
        this.executor = executor;
        this.cors = new Cors(options.allowedOrigins());
        this.endpoints = endpoints;
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith("/publish_api/") || path.startsWith("/customer_api/") || path.startsWith("/user_api/")
                || path.startsWith("/device_api/") || path.startsWith("/reporting_api/");
    }

    @Override
    public CompletableFuture<HttpServiceResponse> handle(HttpServiceRequest request) {
        boolean browserApi = request.path().startsWith("/device_api/") || request.path().startsWith("/reporting_api/");
        Map<String, String> corsHeaders = browserApi ? cors.headers(request.header("Origin")) : Map.of();
        if (request.method().equals("OPTIONS")) {
            return CompletableFuture.completedFuture(preflight(request, browserApi));
        }
        Function<Endpoints, Reply> endpoint;
        try {
            endpoint = route(request);
        } catch (BeamsException e) {
            return CompletableFuture.completedFuture(response(error(e), corsHeaders));
        }
        try {
            long arrived = System.nanoTime();
            return CompletableFuture.supplyAsync(() -> response(run(endpoint, arrived), corsHeaders), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(response(error(BeamsException.tooManyRequests(
                    "Too many requests waiting for the store; try again shortly")), corsHeaders));
        }
    }

    private HttpServiceResponse preflight(HttpServiceRequest request, boolean browserApi) {
        String origin = request.header("Origin");
        if (!browserApi) {
            return response(error(BeamsException.methodNotAllowed("Browsers may not call this API")), Map.of());
        }
        if (!cors.allows(origin)) {
            return response(error(BeamsException.forbidden("Origin not allowed: " + Names.abbreviate(origin))), Map.of());
        }
        return new HttpServiceResponse(204, cors.preflight(origin, request.header("Access-Control-Request-Headers")),
                new byte[0]);
    }

    private Reply run(Function<Endpoints, Reply> endpoint, long arrived) {
        try {
            return endpoint.apply(endpoints.apply(arrived));
        } catch (BeamsException e) {
            return error(e);
        } catch (StoreException e) {
            storeFailures.occurred(String.valueOf(e.getMessage()), e);
            return error(BeamsException.unavailable("The push store is unavailable; try again shortly"));
        } catch (RuntimeException e) {
            failures.occurred("internal error", e);
            return new Reply(500, Json.newObject().put("error", "Internal Server Error")
                    .put("description", "internal error"));
        }
    }

    /** Finds the endpoint (on the event loop: no store access here), or throws the refusal. */
    private Function<Endpoints, Reply> route(HttpServiceRequest r) {
        String path = r.path();
        String method = r.method();
        Matcher m;
        if ((m = PUBLISH.matcher(path)).matches()) {
            PushInstance instance = instance(m.group(1));
            PublishApi.authenticate(instance, r.header("Authorization"));
            String tail = m.group(2);
            if (tail == null || tail.equals("interests") || tail.equals("users")) {
                Audience audience = "users".equals(tail) ? Audience.USERS : Audience.INTERESTS;
                require(method, "POST");
                return e -> e.publish.publish(instance, audience, r.body());
            }
            require(method, "GET");
            String publishId = decode(tail);
            return e -> e.publish.status(instance, publishId);
        }
        if ((m = CUSTOMER.matcher(path)).matches()) {
            PushInstance instance = instance(m.group(1));
            PublishApi.authenticate(instance, r.header("Authorization"));
            require(method, "DELETE");
            String userId = decode(m.group(2));
            return e -> e.customers.deleteUser(instance, userId);
        }
        if ((m = REPORTING.matcher(path)).matches()) {
            PushInstance instance = instance(m.group(1));
            require(method, "POST");
            return e -> e.reporting.report(instance, r.body());
        }
        if ((m = DEVICE.matcher(path)).matches()) {
            return device(instance(m.group(1)), m.group(2), r);
        }
        throw BeamsException.notFound("Not found: " + Names.abbreviate(path));
    }

    private Function<Endpoints, Reply> device(PushInstance instance, String rest, HttpServiceRequest r) {
        String method = r.method();
        if (rest.equals("web-vapid-public-key")) {
            require(method, "GET");
            return e -> e.devices.vapidPublicKey(instance);
        }
        Matcher m = DEVICE_PATH.matcher(rest);
        if (!m.matches()) {
            throw BeamsException.notFound("Not found: " + Names.abbreviate(r.path()));
        }
        if (m.group(1) == null) {
            require(method, "POST");
            return e -> e.devices.register(instance, r.body());
        }
        String deviceId = decode(m.group(1));
        String part = m.group(2);
        String item = m.group(3) == null ? null : decode(m.group(3));
        if (part == null) {
            require(method, "GET", "DELETE");
            return method.equals("GET") ? e -> e.devices.get(instance, deviceId)
                    : e -> e.devices.delete(instance, deviceId);
        }
        if (part.equals("interests") && item != null) {
            require(method, "POST", "DELETE");
            return method.equals("POST") ? e -> e.devices.addInterest(instance, deviceId, item)
                    : e -> e.devices.removeInterest(instance, deviceId, item);
        }
        if (item != null) {
            throw BeamsException.notFound("Not found: " + Names.abbreviate(r.path()));
        }
        return switch (part) {
            case "metadata" -> {
                require(method, "PUT");
                yield e -> e.devices.setMetadata(instance, deviceId, r.body());
            }
            case "interests" -> {
                require(method, "GET", "PUT");
                yield method.equals("GET")
                        ? e -> e.devices.interests(instance, deviceId, r.queryParameter("limit"),
                                r.queryParameter("cursor"))
                        : e -> e.devices.setInterests(instance, deviceId, r.body());
            }
            default -> {
                require(method, "PUT");
                String authorization = r.header("Authorization");
                yield e -> e.devices.setUser(instance, deviceId, authorization);
            }
        };
    }

    private PushInstance instance(String rawId) {
        PushInstance instance = options.instance(decode(rawId));
        if (instance == null) {
            throw BeamsException.notFound("Instance not found: " + Names.abbreviate(decode(rawId)));
        }
        return instance;
    }

    private static void require(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw BeamsException.methodNotAllowed(method + " is not allowed here; use " + String.join(" or ", allowed));
    }

    /** A percent-encoded path segment; '+' is a plus in a path, not a space. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BeamsException.badRequest("Malformed percent-encoding in the path");
        }
    }

    private static Reply error(BeamsException e) {
        return new Reply(e.status(), Json.newObject().put("error", e.error()).put("description", e.description()));
    }

    private static HttpServiceResponse response(Reply reply, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        byte[] body = new byte[0];
        if (reply.body() != null) {
            headers.put("Content-Type", "application/json");
            body = Json.bytes(reply.body());
        }
        return new HttpServiceResponse(reply.status(), headers, body);
    }
}
