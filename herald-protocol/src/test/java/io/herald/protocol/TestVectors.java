package io.herald.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared test vectors in {@code io/herald/protocol/test-vectors.json}: fixed inputs with the exact
 * outputs published by Pusher's docs and official libraries. The protocol's, the server's and the
 * SDKs' tests all read this one file (it travels in the protocol test-jar), so they can't drift apart.
 * Expected values are copied from their {@code source}, never computed with Herald's own code.
 */
public final class TestVectors {

    private static final String RESOURCE = "/io/herald/protocol/test-vectors.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonNode ROOT = load();

    private TestVectors() {
    }

    /**
     * A signed HTTP API request.
     *
     * @param timestamp {@code auth_timestamp}, as the text that is signed
     * @param stringToSign {@code METHOD\nPATH\nsorted query} without {@code auth_signature}
     * @param signature the expected {@code auth_signature}
     */
    public record RequestSigningVector(String name, String source, String key, String secret, String method,
                                       String path, String timestamp, String body, String bodyMd5,
                                       String stringToSign, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A private or presence channel authorization.
     *
     * @param channelData the presence {@code channel_data}, or {@code null} for private channels
     * @param auth the expected {@code auth} value, {@code key:signature}
     */
    public record ChannelAuthVector(String name, String source, String key, String secret, String socketId,
                                    String channel, String channelData, String signature, String auth) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A user sign-in authentication over {@code socket_id::user::user_data}. */
    public record UserAuthVector(String name, String source, String key, String secret, String socketId,
                                 String userData, String signature, String auth) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The {@code shared_secret} of an encrypted channel: base64(SHA-256(channel name ‖ master key)). */
    public record SharedSecretVector(String name, String source, String channel, String masterKeyBase64,
                                     String sharedSecretBase64) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<RequestSigningVector> requestSigning() {
        return list("request_signing", RequestSigningVector.class);
    }

    public static List<ChannelAuthVector> channelAuth() {
        return list("channel_auth", ChannelAuthVector.class);
    }

    public static List<UserAuthVector> userAuth() {
        return list("user_auth", UserAuthVector.class);
    }

    public static List<SharedSecretVector> encryptedSharedSecret() {
        return list("encrypted_shared_secret", SharedSecretVector.class);
    }

    /** The one vector called {@code name} in {@link #channelAuth()}; fails if there is none. */
    public static ChannelAuthVector channelAuth(String name) {
        return channelAuth().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel_auth vector named " + name));
    }

    private static <T> List<T> list(String section, Class<T> type) {
        JsonNode items = ROOT.get(section);
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no " + section + " vectors");
        }
        List<T> result = new ArrayList<>();
        try {
            for (JsonNode item : items) {
                result.add(JSON.treeToValue(item, type));
            }
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": bad " + section + " vector: " + e.getMessage(), e);
        }
        return List.copyOf(result);
    }

    private static JsonNode load() {
        try (InputStream in = TestVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (add the herald-protocol test-jar)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
