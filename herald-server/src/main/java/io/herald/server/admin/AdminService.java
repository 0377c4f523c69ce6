package io.herald.server.admin;

import io.herald.server.transport.HttpService;
import io.herald.server.transport.HttpServiceRequest;
import io.herald.server.transport.HttpServiceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;

/**
 * The admin API under {@code /admin/v1/}: every request must carry the admin token, then the first
 * {@link AdminRoute} whose method and path match answers it. Unknown paths are 404, a known path
 * with another method 405, a missing or wrong token 401 whatever the path (nothing is revealed
 * about what exists).
 */
public final class AdminService implements HttpService {

    public static final String PREFIX = "/admin/";

    private final AdminAccess access;
    private final List<AdminRoute> routes;

    public AdminService(AdminAccess access, List<AdminRoute> routes) {
        this.access = access;
        this.routes = List.copyOf(routes);
    }

    @Override
    public boolean handles(String path) {
        return access.enabled() && path.startsWith(PREFIX);
    }

    @Override
    public CompletableFuture<HttpServiceResponse> handle(HttpServiceRequest request) {
        if (!access.permits(request.header("Authorization"))) {
            return answer(HttpServiceResponse.error(401, "The admin token is required: Authorization: Bearer <admin-token>"));
        }
        boolean pathKnown = false;
        for (AdminRoute route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (matcher.matches()) {
                if (route.method().equals(request.method())) {
                    return route.handler().handle(request, matcher);
                }
                pathKnown = true;
            }
        }
        return answer(pathKnown
                ? HttpServiceResponse.error(405, request.method() + " is not allowed on " + request.path())
                : HttpServiceResponse.error(404, "Not found: " + request.path()));
    }

    private static CompletableFuture<HttpServiceResponse> answer(HttpServiceResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
