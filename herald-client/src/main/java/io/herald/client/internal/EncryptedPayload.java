package io.herald.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The data of an event on an encrypted channel: {@code {"nonce": b64, "ciphertext": b64}}, a NaCl secretbox. */
public final class EncryptedPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EncryptedPayload() {
    }

    /** The secretbox key from an auth answer's base64 {@code shared_secret}, or {@code null} if unusable. */
    public static byte[] key(String sharedSecret) {
        if (sharedSecret == null) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(sharedSecret);
            return key.length == SecretBox.KEY_LENGTH ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The plaintext, or {@code null} when {@code key} does not open it.
     *
     * @throws IllegalArgumentException when {@code data} is not an encrypted payload at all
     */
    public static String open(byte[] key, String data) {
        JsonNode box;
        try {
            box = data == null ? null : JSON.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("data is not JSON");
        }
        if (box == null || !box.path("nonce").isTextual() || !box.path("ciphertext").isTextual()) {
            throw new IllegalArgumentException("data has no nonce and ciphertext");
        }
        byte[] nonce = Base64.getDecoder().decode(box.get("nonce").asText());
        byte[] ciphertext = Base64.getDecoder().decode(box.get("ciphertext").asText());
        if (nonce.length != SecretBox.NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + SecretBox.NONCE_LENGTH + " bytes, was " + nonce.length);
        }
        byte[] plain = SecretBox.open(key, nonce, ciphertext);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }
}
