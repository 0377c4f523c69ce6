package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.Check;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Posts a form to an app's auth endpoint the way pusher-js does and reads its JSON answer; shared by
 * {@link HttpChannelAuthorizer} and {@link HttpUserAuthenticator}. Non-blocking: the JDK HTTP client.
 */
final class AuthEndpointClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final Map<String, String> headers;
    private final Duration timeout;

    AuthEndpointClient(URI endpoint, Map<String, String> headers, Duration timeout) {
        this.endpoint = Check.notNull(endpoint, "endpoint");
        this.headers = Map.copyOf(Check.notNull(headers, "headers"));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * POSTs {@code form} url-encoded; completes with the parsed body of a 200 answer, or fails with a
     * {@link HeraldRealtimeException} naming {@code what} for any other status or a body that is not JSON.
     */
    CompletableFuture<JsonNode> post(Map<String, String> form, String what) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> parse(what, response));
    }

    /** A field of the answer as text, or {@code null} when it is missing or null. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(String what, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new HeraldRealtimeException("auth endpoint answered " + response.statusCode()
                    + " for " + what + ": " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return body;
        } catch (IOException | IllegalArgumentException e) {
            throw new HeraldRealtimeException("auth endpoint sent an unusable answer for " + what
                    + ": " + response.body(), e);
        }
    }
}
