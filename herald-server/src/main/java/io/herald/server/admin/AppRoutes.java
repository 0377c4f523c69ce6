package io.herald.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.app.App;
import io.herald.server.app.AppStore;
import io.herald.server.transport.HttpServiceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The admin API's app endpoints. Secrets never appear in a listing. */
public final class AppRoutes {

    private AppRoutes() {
    }

    public static List<AdminRoute> of(AppStore apps) {
        return List.of(
                AdminRoute.of("GET", "/admin/v1/apps", (request, path) -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    ArrayNode list = body.putArray("apps");
                    apps.all().forEach(app -> list.add(summary(app)));
                    return CompletableFuture.completedFuture(HttpServiceResponse.json(200, body));
                }),
                AdminRoute.of("GET", "/admin/v1/apps/([^/]+)", (request, path) -> CompletableFuture.completedFuture(
                        apps.findById(path.group(1)).map(app -> HttpServiceResponse.json(200, summary(app)))
                                .orElse(HttpServiceResponse.error(404, "No app with id " + path.group(1))))));
    }

    /** An app as the admin API shows it, without its secret. */
    static ObjectNode summary(App app) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", app.id())
                .put("key", app.key())
                .put("enabled", app.enabled())
                .put("max_connections", app.maxConnections())
                .put("client_events", app.clientEvents())
                .put("subscription_counts", app.subscriptionCounts());
    }
}
