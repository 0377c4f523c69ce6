package io.herald.server.console;

import io.herald.server.admin.AdminAccess;
import io.herald.server.transport.HttpService;
import io.herald.server.transport.HttpServiceRequest;
import io.herald.server.transport.HttpServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The console's page at {@code /console}: three static files from the server's resources, no CDN and
 * no build step. The page holds nothing secret; it asks for the admin token and presents it to the
 * admin API and the feed socket. Served only while the admin token is set. The Content-Security-Policy
 * lets the page load and connect to this server only.
 */
public final class ConsolePage implements HttpService {

    private static final String ROOT = "/console";
    private static final Map<String, String[]> FILES = Map.of(
            ROOT, new String[] {"index.html", "text/html; charset=utf-8"},
            ROOT + "/", new String[] {"index.html", "text/html; charset=utf-8"},
            ROOT + "/console.js", new String[] {"console.js", "text/javascript; charset=utf-8"},
            ROOT + "/console.css", new String[] {"console.css", "text/css; charset=utf-8"});
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final AdminAccess access;
    private final Map<String, byte[]> bodies;

    public ConsolePage(AdminAccess access) {
        this.access = access;
        this.bodies = Map.of("index.html", read("index.html"), "console.js", read("console.js"),
                "console.css", read("console.css"));
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsolePage.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console page file missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handles(String path) {
        return access.enabled() && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }

    @Override
    public CompletableFuture<HttpServiceResponse> handle(HttpServiceRequest request) {
        String[] file = FILES.get(request.path());
        if (file == null) {
            return CompletableFuture.completedFuture(HttpServiceResponse.error(404, "Not found: " + request.path()));
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return CompletableFuture.completedFuture(HttpServiceResponse.error(405, "Use GET for " + request.path()));
        }
        return CompletableFuture.completedFuture(new HttpServiceResponse(200, Map.of(
                "Content-Type", file[1],
                "Content-Security-Policy", CSP,
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY",
                "Cache-Control", "no-store"), bodies.get(file[0])));
    }
}
