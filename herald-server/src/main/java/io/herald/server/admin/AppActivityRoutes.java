package io.herald.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.api.ApiException;
import io.herald.server.api.ApiRequest;
import io.herald.server.api.ApiResponse;
import io.herald.server.api.ApiService;
import io.herald.server.app.App;
import io.herald.server.app.AppStore;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.OtherNodesConnections;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.metrics.MessageCounts;
import io.herald.server.metrics.MessageRates;
import io.herald.server.metrics.NodeMetrics;
import io.herald.server.session.ConnectionPage;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.transport.HttpServiceRequest;
import io.herald.server.transport.HttpServiceResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;

/**
 * What the admin API (and the debug console) shows of one app's traffic, and its test publish:
 * {@code GET …/stats}, {@code GET …/connections?limit=}, {@code GET …/channels} (the Channels API's
 * answer, unsigned) and {@code POST …/events} (published exactly as the signed {@code /events} does).
 */
public final class AppActivityRoutes {

    /** {@code limit} of {@code …/connections} unless given, and the most it may be. */
    static final int DEFAULT_CONNECTIONS_LIMIT = 100;
    static final int MAX_CONNECTIONS_LIMIT = 1000;
    private static final String APP = "/admin/v1/apps/([^/]+)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppStore apps;
    private final ConnectionRegistry connections;
    private final Adapter adapter;
    private final NodeMetrics metrics;
    private final ApiService api;
    private final ConsoleFeed console;
    private final MessageRates rates = new MessageRates();

    private AppActivityRoutes(AppStore apps, ConnectionRegistry connections, Adapter adapter, NodeMetrics metrics,
                              ApiService api, ConsoleFeed console) {
        this.apps = apps;
        this.connections = connections;
        this.adapter = adapter;
        this.metrics = metrics;
        this.api = api;
        this.console = console;
    }

    public static List<AdminRoute> of(AppStore apps, ConnectionRegistry connections, Adapter adapter,
                                      NodeMetrics metrics, ApiService api, ConsoleFeed console) {
        AppActivityRoutes routes = new AppActivityRoutes(apps, connections, adapter, metrics, api, console);
        return List.of(
                AdminRoute.of("GET", APP + "/stats", routes.forApp(routes::stats)),
                AdminRoute.of("GET", APP + "/connections", routes.forApp(routes::connections)),
                AdminRoute.of("GET", APP + "/channels", routes.forApp(routes::channels)),
                AdminRoute.of("POST", APP + "/events", routes.forApp(routes::publish)));
    }

    @FunctionalInterface
    private interface AppHandler {
        CompletableFuture<HttpServiceResponse> handle(App app, HttpServiceRequest request);
    }

    private AdminRoute.Handler forApp(AppHandler handler) {
        return (HttpServiceRequest request, Matcher path) -> apps.findById(path.group(1))
                .map(app -> handler.handle(app, request))
                .orElseGet(() -> CompletableFuture.completedFuture(
                        HttpServiceResponse.error(404, "No app with id " + path.group(1))));
    }

    /**
     * Connections, channels and messages of the whole cluster, as the adapter knows them: the other
     * nodes' messages as of their last heartbeat, this node's as of now.
     */
    private CompletableFuture<HttpServiceResponse> stats(App app, HttpServiceRequest request) {
        MessageCounts messages = rates.read(metrics.forApp(app.id())).plus(adapter.messagesElsewhere(app.id()));
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("app", app.id())
                .put("connections", connections.count(app.id()) + adapter.connectionsElsewhere(app.id()))
                .put("connections_this_node", connections.count(app.id()))
                .put("messages_in_per_second", round(messages.inPerSecond()))
                .put("messages_out_per_second", round(messages.outPerSecond()))
                .put("messages_in_total", messages.in())
                .put("messages_out_total", messages.out())
                .put("console_watchers_this_node", console.watchers());
        ObjectNode scope = body.putObject("scope")
                .put("connections", "cluster")
                .put("messages", "cluster");
        return adapter.channels(app.id(), "").handle((channels, failure) -> {
            if (channels != null) {
                body.put("channels", channels.size());
                scope.put("channels", "cluster");
            } else {
                body.putNull("channels");
                scope.put("channels", "unavailable: " + failure.getMessage());
            }
            return HttpServiceResponse.json(200, body);
        });
    }

    /**
     * The app's connections on every node, at most {@code limit} in all: this node's first, then the
     * others' as they answer ({@code nodes_unanswered} counts those that did not in time).
     */
    private CompletableFuture<HttpServiceResponse> connections(App app, HttpServiceRequest request) {
        int limit;
        try {
            String given = request.queryParameter("limit");
            limit = given == null ? DEFAULT_CONNECTIONS_LIMIT : Integer.parseInt(given);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_CONNECTIONS_LIMIT) {
            return CompletableFuture.completedFuture(HttpServiceResponse.error(400,
                    "limit must be a whole number from 1 to " + MAX_CONNECTIONS_LIMIT));
        }
        int most = limit;
        return connections.list(app.id(), most).thenCombine(adapter.connectionsOnOtherNodes(app.id(), most),
                (here, elsewhere) -> HttpServiceResponse.json(200, listing(here, elsewhere, most)));
    }

    private static ObjectNode listing(ConnectionPage here, OtherNodesConnections elsewhere, int limit) {
        List<ConnectionPage> pages = new ArrayList<>();
        pages.add(here);
        pages.addAll(elsewhere.pages());
        int total = pages.stream().mapToInt(ConnectionPage::total).sum();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("scope", "cluster").put("total", total)
                .put("nodes_unanswered", elsewhere.unanswered());
        ArrayNode list = body.putArray("connections");
        pages.stream().flatMap(page -> page.connections().stream()).limit(limit)
                .forEach(info -> list.add(JSON.valueToTree(info)));
        return body.put("truncated", total > list.size());
    }

    /** The Channels API's {@code GET /channels}, with its query ({@code filter_by_prefix}, {@code info}). */
    private CompletableFuture<HttpServiceResponse> channels(App app, HttpServiceRequest request) {
        Map<String, String> query = new HashMap<>();
        request.query().forEach((name, values) -> query.put(name, values.get(0)));
        return answer(api.handleTrusted(app, new ApiRequest("GET", request.path(), query, new byte[0]), "/channels"));
    }

    /** A test event, {@code {"channel" | "channels", "name", "data"}} as the signed {@code /events} takes it. */
    private CompletableFuture<HttpServiceResponse> publish(App app, HttpServiceRequest request) {
        return answer(api.handleTrusted(app, new ApiRequest("POST", request.path(), Map.of(), request.body()), "/events"));
    }

    private static CompletableFuture<HttpServiceResponse> answer(CompletableFuture<ApiResponse> response) {
        return response.handle((ok, failure) -> {
            if (ok != null) {
                return HttpServiceResponse.json(ok.status(), ok.body());
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ApiException refused) {
                return HttpServiceResponse.error(refused.status(), refused.getMessage());
            }
            throw new CompletionException(cause);
        });
    }

    private static double round(double perSecond) {
        return Math.round(perSecond * 10) / 10.0;
    }
}
