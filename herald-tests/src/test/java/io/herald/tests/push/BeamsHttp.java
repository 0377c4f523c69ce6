package io.herald.tests.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.tests.push.WebPushTestingProcess.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Herald's Beams APIs over plain HTTP, for tests that need many devices: the device API called with the
 * same requests and bodies as {@code @pusher/push-notifications-web} 2.1.0 sends (the web SDK itself runs
 * in BeamsWebPushTest), and the publish API as the server SDKs call it.
 */
final class BeamsHttp {

    static final String WEB_SDK_VERSION = "2.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;
    private final String instanceId;
    private final String secretKey;

    BeamsHttp(String baseUrl, String instanceId, String secretKey) {
        this.baseUrl = baseUrl;
        this.instanceId = instanceId;
        this.secretKey = secretKey;
    }

    /** The same instance through another node. */
    BeamsHttp at(String otherBaseUrl) {
        return new BeamsHttp(otherBaseUrl, instanceId, secretKey);
    }

    String vapidPublicKey() {
        return expect(200, send("GET", deviceApi("/web-vapid-public-key"), null, null)).path("vapidPublicKey").asText();
    }

    /** Registers a subscription as the web SDK's start() does; returns the device id. */
    String registerDevice(Subscription subscription) {
        ObjectNode body = JSON.createObjectNode().put("token", subscription.beamsToken());
        body.putObject("metadata").put("sdkVersion", WEB_SDK_VERSION);
        return expect(200, send("POST", deviceApi("/devices/web"), body, null)).path("id").asText();
    }

    /** addDeviceInterest(interest): a POST with no body. */
    void addInterest(String deviceId, String interest) {
        expect(200, send("POST", deviceApi("/devices/web/" + deviceId + "/interests/" + encode(interest)), null, null));
    }

    int deviceStatus(String deviceId) {
        return send("GET", deviceApi("/devices/web/" + deviceId), null, null).statusCode();
    }

    /** Publishes a web notification to interests; returns the publish id. */
    String publishToInterests(List<String> interests, String title) {
        ObjectNode body = JSON.createObjectNode();
        interests.forEach(body.putArray("interests")::add);
        body.putObject("web").putObject("notification").put("title", title);
        String path = "/publish_api/v1/instances/" + instanceId + "/publishes/interests";
        return expect(200, send("POST", path, body, "Bearer " + secretKey)).path("publishId").asText();
    }

    /** Herald's publish status: targets, queued, sent, failed, removed. */
    JsonNode publishStatus(String publishId) {
        return expect(200, send("GET", "/publish_api/v1/instances/" + instanceId + "/publishes/" + publishId, null,
                "Bearer " + secretKey));
    }

    private String deviceApi(String path) {
        return "/device_api/v1/instances/" + instanceId + path;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " " + response.body() + ", expected " + status);
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
