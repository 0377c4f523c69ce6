package io.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the admin API ({@code /admin/v1/…}) with a bearer token, as an operator's script would. */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public AdminClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public ApiClient.Result get(String path) {
        return send("GET", path, null);
    }

    public ApiClient.Result post(String path, String body) {
        return send("POST", path, body);
    }

    public ApiClient.Result patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public ApiClient.Result delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code body} (none when null) and parses the answer (a text node if it is not JSON). */
    public ApiClient.Result send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = JSON.readTree(response.body());
            } catch (IOException e) {
                parsed = TextNode.valueOf(response.body());
            }
            return new ApiClient.Result(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
