package io.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs and sends HTTP API requests the way Pusher's server libraries do, and lets tests break any
 * part of the signature on purpose via {@link #send(String, String, Map, String, boolean)}.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final App app;

    ApiClient(String baseUrl, App app) {
        this.baseUrl = baseUrl;
        this.app = app;
    }

    /** A client for a server this test kit did not start, such as a {@code herald server} process. */
    public static ApiClient of(String baseUrl, App app) {
        return new ApiClient(baseUrl, app);
    }

    /**
     * A status and the parsed JSON body.
     *
     * @param status the HTTP status
     * @param body the JSON body (a text node if the body was not JSON)
     */
    public record Result(int status, JsonNode body) {
    }

    public Result post(String path, String body) {
        return send("POST", path, Map.of(), body, true);
    }

    public Result get(String path, Map<String, String> query) {
        return send("GET", path, query, "", true);
    }

    /** The auth parameters for a request, as the server libraries compute them. */
    public Map<String, String> signedQuery(String method, String path, Map<String, String> query, String body, long timestamp) {
        return RequestSigning.signedQuery(app.key(), app.secret(), method, path, query, body, timestamp);
    }

    /** Sends a request; {@code signed=false} sends {@code query} as given, with no auth added. */
    public Result send(String method, String path, Map<String, String> query, String body, boolean signed) {
        Map<String, String> params = signed
                ? signedQuery(method, path, query, body, System.currentTimeMillis() / 1000)
                : query;
        return sendRaw(method, path + "?" + encode(params), body);
    }

    /** Sends exactly this path and query string. */
    public Result sendRaw(String method, String pathAndQuery, String body) {
        HttpRequest.BodyPublisher publisher = body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Reads a query string or form body ({@code a=1&b=x%20y}) in order; {@code null} or empty reads as
     * no parameters. The inverse of {@link #encode(Map)}, for fake endpoints in tests.
     */
    public static Map<String, String> decode(String urlEncoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (urlEncoded == null || urlEncoded.isEmpty()) {
            return params;
        }
        for (String pair : urlEncoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** A query string as the SDK puts it on the request line ({@link RequestSigning#encodeQuery}). */
    public static String encode(Map<String, String> params) {
        return RequestSigning.encodeQuery(params);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
