package io.herald.tests.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm package {@code web-push-testing} in its own Node process on a free port: an independent push
 * service that creates subscriptions with real keys, checks each push's VAPID signature, decrypts its
 * {@code aes128gcm} body and keeps it, and answers 410 for a subscription it was told to expire. Its
 * endpoints name {@code localhost}. Output goes to {@code target/web-push-testing-<port>.log}.
 */
final class WebPushTestingProcess implements AutoCloseable {

    static final Path JS_DIR = Path.of("src", "test", "js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A subscription as web-push-testing creates it; {@code clientHash} names it in its API. */
    record Subscription(String endpoint, String p256dh, String auth, String clientHash) {

        /** The Beams web SDK's device token: base64 of what {@code JSON.stringify(pushSubscription)} gives in a browser. */
        String beamsToken() {
            ObjectNode json = JSON.createObjectNode().put("endpoint", endpoint).putNull("expirationTime");
            json.putObject("keys").put("p256dh", p256dh).put("auth", auth);
            return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final int port;
    private final Process process;

    private WebPushTestingProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static WebPushTestingProcess start() throws IOException {
        Path server = JS_DIR.resolve("node_modules/web-push-testing/src/bin/server.js");
        if (!server.toFile().isFile()) {
            throw new IllegalStateException("web-push-testing is not installed: run `npm ci` in " + JS_DIR.toAbsolutePath()
                    + " (mvn verify does it in generate-test-resources)");
        }
        int port = ServerProcess.freePort();
        Process process = new ProcessBuilder(List.of("node", server.toString(), String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(new File("target/web-push-testing-" + port + ".log")).start();
        WebPushTestingProcess service = new WebPushTestingProcess(port, process);
        service.awaitReady();
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Subscription subscribe(String vapidPublicKey) {
        JsonNode data = post("/subscribe", Map.of("userVisibleOnly", "true", "applicationServerKey", vapidPublicKey))
                .path("data");
        return new Subscription(data.path("endpoint").asText(), data.path("keys").path("p256dh").asText(),
                data.path("keys").path("auth").asText(), data.path("clientHash").asText());
    }

    /** The decrypted pushes received for a subscription, oldest first. */
    List<JsonNode> messages(Subscription subscription) {
        List<JsonNode> messages = new ArrayList<>();
        for (JsonNode text : post("/get-notifications", Map.of("clientHash", subscription.clientHash()))
                .path("data").path("messages")) {
            try {
                messages.add(JSON.readTree(text.asText()));
            } catch (IOException e) {
                throw new AssertionError("a push that is not JSON: " + text.asText(), e);
            }
        }
        return messages;
    }

    /** From now on the push service answers 410 Gone to pushes for this subscription. */
    void expire(Subscription subscription) {
        post("/expire-subscription/" + subscription.clientHash(), Map.of());
    }

    private JsonNode post(String path, Map<String, Object> body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(30)) // it decrypts on one thread: slow while a burst arrives
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("web-push-testing " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() || response.body().equals("OK") ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("web-push-testing exited with " + process.exitValue()
                        + "; see target/web-push-testing-" + port + ".log");
            }
            try {
                HttpResponse<Void> status = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/status"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (status.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("web-push-testing not ready on " + port + " within 30 s");
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
