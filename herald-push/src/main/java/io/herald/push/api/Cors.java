package io.herald.push.api;

import io.herald.server.app.AllowedOrigins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-origin rules for the APIs browsers call (device and reporting): a page on an allowed origin
 * may call them, preflight included. The web SDK sends no cookies, so credentials are never allowed.
 */
final class Cors {

    private static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    private static final String HEADERS = "Content-Type, Authorization";

    private final AllowedOrigins allowedOrigins;
    private final boolean any;

    Cors(List<String> allowedOrigins) {
        this.allowedOrigins = new AllowedOrigins(allowedOrigins);
        this.any = this.allowedOrigins.any();
    }

    boolean allows(String origin) {
        return allowedOrigins.allows(origin);
    }

    /** Headers for an answer to {@code origin}: none when it isn't allowed (the browser then blocks it). */
    Map<String, String> headers(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (allows(origin)) {
            headers.put("Access-Control-Allow-Origin", any ? "*" : origin);
            if (!any) {
                headers.put("Vary", "Origin");
            }
        }
        return headers;
    }

    /** Headers of a preflight answer to an allowed origin. */
    Map<String, String> preflight(String origin, String requestedHeaders) {
        Map<String, String> headers = headers(origin);
        headers.put("Access-Control-Allow-Methods", METHODS);
        headers.put("Access-Control-Allow-Headers",
                requestedHeaders != null && requestedHeaders.length() <= 1000 ? requestedHeaders : HEADERS);
        headers.put("Access-Control-Max-Age", "600");
        return headers;
    }
}
