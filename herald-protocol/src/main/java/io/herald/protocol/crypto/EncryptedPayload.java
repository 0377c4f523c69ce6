package io.herald.protocol.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The data of an event on a {@code private-encrypted-} channel: {@code {"nonce":b64,"ciphertext":b64}},
 * a {@link SecretBox} under the channel's {@link SharedSecret}. Plaintext is UTF-8.
 *
 * @param nonce base64 of the 24-byte nonce
 * @param ciphertext base64 of the secretbox (tag ‖ encrypted message)
 */
public record EncryptedPayload(String nonce, String ciphertext) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NOT_A_PAYLOAD = "encrypted data must be JSON {\"nonce\",\"ciphertext\"}";

    /** Encrypts {@code plaintext} under {@code key} with a fresh random nonce. */
    public static EncryptedPayload seal(byte[] key, String plaintext) {
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] box = SecretBox.seal(key, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return new EncryptedPayload(b64.encodeToString(nonce), b64.encodeToString(box));
    }

    /**
     * Reads event data given as the JSON text {@code {"nonce":…,"ciphertext":…}}.
     *
     * @throws IllegalArgumentException when {@code json} is not such an object
     */
    public static EncryptedPayload fromJson(String json) {
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(NOT_A_PAYLOAD);
        }
        if (node == null || !node.path("nonce").isTextual() || !node.path("ciphertext").isTextual()) {
            throw new IllegalArgumentException(NOT_A_PAYLOAD);
        }
        return new EncryptedPayload(node.get("nonce").asText(), node.get("ciphertext").asText());
    }

    /** The JSON text that travels as the event's {@code data}. */
    public String toJson() {
        return JSON.createObjectNode().put("nonce", nonce).put("ciphertext", ciphertext).toString();
    }

    /**
     * Decrypts with {@code key}.
     *
     * @return the plaintext, or {@code null} when {@code key} does not open it (wrong key or tampered data)
     * @throws IllegalArgumentException when the nonce or ciphertext is not base64, or the nonce has the wrong size
     */
    public String open(byte[] key) {
        byte[] nonceBytes;
        byte[] box;
        try {
            nonceBytes = Base64.getDecoder().decode(nonce);
            box = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("nonce and ciphertext must be base64");
        }
        if (nonceBytes.length != SecretBox.NONCE_BYTES) {
            throw new IllegalArgumentException(
                    "nonce must be " + SecretBox.NONCE_BYTES + " bytes, was " + nonceBytes.length);
        }
        byte[] plain = SecretBox.open(key, nonceBytes, box);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }
}
