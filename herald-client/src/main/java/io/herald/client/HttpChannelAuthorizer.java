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

/**
 * Asks the app's auth endpoint, the way pusher-js does: POST {@code socket_id} and {@code channel_name}
 * form-encoded, expect 200 with {@code {"auth", "channel_data"?, "shared_secret"?}}. Extra headers (a
 * session cookie, a bearer token) go with every request. Non-blocking: uses the JDK HTTP client.
 */
public final class HttpChannelAuthorizer implements ChannelAuthorizer {

    /** How long one request to the auth endpoint may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT).build();
    private final URI endpoint;
    private final Map<String, String> headers;

    public HttpChannelAuthorizer(URI endpoint) {
        this(endpoint, Map.of());
    }

    public HttpChannelAuthorizer(URI endpoint, Map<String, String> headers) {
        this.endpoint = Check.notNull(endpoint, "endpoint");
        this.headers = Map.copyOf(Check.notNull(headers, "headers"));
    }

    @Override
    public CompletableFuture<AuthorizationResult> authorize(String socketId, String channelName) {
        String form = "socket_id=" + URLEncoder.encode(socketId, StandardCharsets.UTF_8)
                + "&channel_name=" + URLEncoder.encode(channelName, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(DEFAULT_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> parse(channelName, response));
    }

    private static AuthorizationResult parse(String channelName, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new HeraldClientException("auth endpoint answered " + response.statusCode()
                    + " for " + channelName + ": " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return new AuthorizationResult(
                    text(body, "auth"), text(body, "channel_data"), text(body, "shared_secret"));
        } catch (IOException | IllegalArgumentException e) {
            throw new HeraldClientException("auth endpoint sent an unusable answer for " + channelName
                    + ": " + response.body(), e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
