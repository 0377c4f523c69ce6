package io.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;

/**
 * A browser as the Beams device API sees it, making the calls {@code @pusher/push-notifications-web}
 * 2.1.0 makes: it registers a Web Push subscription (a fresh P-256 key and auth secret; the push
 * endpoint is given) with {@code POST devices/web}, then signs in as a user or subscribes to
 * interests. Nothing is delivered to it: tests that need the notifications themselves use a real
 * push service.
 */
public final class BeamsWebDevice {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String deviceUrl;
    private final String id;

    private BeamsWebDevice(String deviceUrl, String id) {
        this.deviceUrl = deviceUrl;
        this.id = id;
    }

    /**
     * Registers a new device of {@code instanceId} at {@code baseUrl} (e.g. {@code http://127.0.0.1:6001})
     * whose push subscription points at {@code pushEndpoint}.
     */
    public static BeamsWebDevice register(String baseUrl, String instanceId, String pushEndpoint) {
        ObjectNode subscription = JSON.createObjectNode().put("endpoint", pushEndpoint).putNull("expirationTime");
        subscription.putObject("keys").put("p256dh", newP256PublicKey()).put("auth", randomAuth());
        String token = Base64.getEncoder().encodeToString(subscription.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode device = JSON.createObjectNode().put("token", token);
        device.putObject("metadata").put("sdkVersion", "2.1.0");
        String devices = baseUrl + "/device_api/v1/instances/" + instanceId + "/devices/web";
        Answer answer = send(HttpRequest.newBuilder(URI.create(devices)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(device.toString())));
        if (answer.status() != 200 || !answer.body().hasNonNull("id")) {
            throw new AssertionError("registering a device answered " + answer);
        }
        String id = answer.body().get("id").asText();
        return new BeamsWebDevice(devices + "/" + id, id);
    }

    /** The device id the server gave. */
    public String id() {
        return id;
    }

    /** {@code PUT devices/web/{id}/user} with the token as a bearer, as the web SDK's {@code setUserId} does. */
    public Answer signIn(String beamsToken) {
        return send(HttpRequest.newBuilder(URI.create(deviceUrl + "/user")).header("Authorization", "Bearer " + beamsToken)
                .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code POST devices/web/{id}/interests/{interest}}, as {@code addDeviceInterest} does. */
    public Answer subscribe(String interest) {
        return send(HttpRequest.newBuilder(URI.create(deviceUrl + "/interests/" + interest))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** {@code GET devices/web/{id}}: 200 while the device exists, 404 once it is gone. */
    public Answer fetch() {
        return send(HttpRequest.newBuilder(URI.create(deviceUrl)).GET());
    }

    /**
     * A status and a parsed JSON body.
     *
     * @param status the HTTP status
     * @param body the JSON body, or a missing node when empty
     */
    public record Answer(int status, JsonNode body) {
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank()
                    ? JSON.missingNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An uncompressed P-256 point, base64url, as a browser's {@code keys.p256dh}. */
    private static String newP256PublicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            copyUnsigned(key.getW().getAffineX().toByteArray(), point, 1);
            copyUnsigned(key.getW().getAffineY().toByteArray(), point, 33);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A coordinate into 32 bytes, dropping a sign byte or left-padding with zeros. */
    private static void copyUnsigned(byte[] value, byte[] into, int offset) {
        int length = Math.min(value.length, 32);
        System.arraycopy(value, value.length - length, into, offset + 32 - length, length);
    }

    private static String randomAuth() {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }
}
