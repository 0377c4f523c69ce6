package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Beams device and publish APIs of one instance, as the push scenario calls them: devices are
 * registered with the same requests as the Beams web SDK 2.1.0 sends, the publish is what the server
 * SDKs send. JDK {@code HttpClient} over HTTP/1.1 keep-alive connections.
 */
final class BeamsApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String instanceId;
    private final String secretKey;

    BeamsApi(BenchTarget target, String instanceId, String secretKey) {
        this.base = "http://" + target.host() + ":" + target.port();
        this.instanceId = instanceId;
        this.secretKey = secretKey;
    }

    /** {@code POST devices/web} with the subscription's token, then {@code POST …/interests/{interest}}. */
    CompletableFuture<String> registerDevice(String token, String interest) {
        ObjectNode device = Worker.JSON.createObjectNode().put("token", token);
        device.putObject("metadata").put("sdkVersion", "2.1.0");
        return send(deviceApi("/devices/web"), "POST", device.toString(), null)
                .thenApply(response -> expectOk(response).path("id").asText())
                .thenCompose(id -> send(deviceApi("/devices/web/" + id + "/interests/"
                        + URLEncoder.encode(interest, StandardCharsets.UTF_8)), "POST", null, null)
                        .thenApply(response -> {
                            expectOk(response);
                            return id;
                        }));
    }

    /** Publishes one web notification to {@code interest}; the answer as it came. */
    HttpResponse<String> publish(String interest, String title) throws IOException, InterruptedException {
        ObjectNode body = Worker.JSON.createObjectNode();
        body.putArray("interests").add(interest);
        ObjectNode web = body.putObject("web");
        web.putObject("notification").put("title", title).put("body", "herald bench push");
        web.putObject("data").put("bench", true);
        return http.send(request("/publish_api/v1/instances/" + instanceId + "/publishes/interests", "POST",
                body.toString(), "Bearer " + secretKey), HttpResponse.BodyHandlers.ofString());
    }

    private String deviceApi(String path) {
        return "/device_api/v1/instances/" + instanceId + path;
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String method, String body, String authorization) {
        return http.sendAsync(request(path, method, body, authorization), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String method, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static JsonNode expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new CompletionException(new IOException(response.request().method() + " " + response.uri().getPath()
                    + ": " + response.statusCode() + " " + response.body()));
        }
        try {
            return response.body().isEmpty() ? Worker.JSON.nullNode() : Worker.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
