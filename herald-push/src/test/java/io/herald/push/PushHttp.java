package io.herald.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP to Herald's push APIs, as curl or a browser's fetch would send it. */
final class PushHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORIGIN = "http://localhost:8080";

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body the JSON body, or a null node when empty
     * @param headers the response headers
     */
    record Answer(int status, JsonNode body, HttpHeaders headers) {
        String error() {
            return body.path("error").asText(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    PushHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? NullNode.getInstance() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), json, r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A publish with the secret key, as the server SDKs send it. */
    Answer publish(String instanceId, String secret, String audience, String body) {
        return send("POST", "/publish_api/v1/instances/" + instanceId + "/publishes/" + audience, body,
                "Authorization", "Bearer " + secret);
    }

    /** A request from a page on {@link #ORIGIN}, as the web SDK's fetch makes it. */
    Answer fromBrowser(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Origin";
        all[1] = ORIGIN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }
}
