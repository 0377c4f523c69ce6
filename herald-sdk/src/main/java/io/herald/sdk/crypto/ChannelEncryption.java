package io.herald.sdk.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.sdk.HeraldOptions;
import io.herald.sdk.HeraldValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * End-to-end encryption for {@code private-encrypted-} channels. Each channel's secretbox key is
 * SHA-256(channel name ‖ master key); its base64 is the {@code shared_secret} the auth endpoint
 * hands to subscribers. Events travel as {@code {"nonce","ciphertext"}} (base64); Herald never sees
 * plaintext. Thread-safe.
 */
public final class ChannelEncryption {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] masterKey;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey 32 bytes, the app's encryption master key */
    public ChannelEncryption(byte[] masterKey) {
        if (masterKey == null || masterKey.length != HeraldOptions.MASTER_KEY_BYTES) {
            throw new HeraldValidationException("encryptionMasterKey must be " + HeraldOptions.MASTER_KEY_BYTES + " bytes");
        }
        this.masterKey = masterKey.clone();
    }

    public static boolean isEncrypted(String channel) {
        return channel != null && ChannelName.typeOf(channel) == ChannelType.PRIVATE_ENCRYPTED;
    }

    /** The channel's 32-byte secretbox key: SHA-256(channel name bytes ‖ master key). */
    public byte[] sharedSecret(String channel) {
        requireEncrypted(channel);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(channel.getBytes(StandardCharsets.UTF_8));
            sha256.update(masterKey);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The {@code shared_secret} of an auth response: base64 of {@link #sharedSecret(String)}. */
    public String sharedSecretBase64(String channel) {
        return Base64.getEncoder().encodeToString(sharedSecret(channel));
    }

    /** Encrypts {@code plaintext} (the event data as sent, usually JSON) with a fresh random nonce. */
    public EncryptedPayload encrypt(String channel, String plaintext) {
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] box = SecretBox.seal(sharedSecret(channel), nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return new EncryptedPayload(b64.encodeToString(nonce), b64.encodeToString(box));
    }

    /** {@link #encrypt} as the JSON string that travels as the event's {@code data}. */
    public String encryptToJson(String channel, String plaintext) {
        EncryptedPayload payload = encrypt(channel, plaintext);
        return JSON.createObjectNode().put("nonce", payload.nonce()).put("ciphertext", payload.ciphertext()).toString();
    }

    /** Opens a payload made for {@code channel}; throws {@link DecryptionException} if it can't. */
    public String decrypt(String channel, EncryptedPayload payload) {
        byte[] nonce;
        byte[] box;
        try {
            nonce = Base64.getDecoder().decode(payload.nonce());
            box = Base64.getDecoder().decode(payload.ciphertext());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecryptionException("nonce and ciphertext must be base64");
        }
        if (nonce.length != SecretBox.NONCE_BYTES) {
            throw new DecryptionException("nonce must be " + SecretBox.NONCE_BYTES + " bytes, was " + nonce.length);
        }
        return new String(SecretBox.open(sharedSecret(channel), nonce, box), StandardCharsets.UTF_8);
    }

    /** Opens event data given as the JSON text {@code {"nonce":…,"ciphertext":…}}. */
    public String decryptJson(String channel, String payloadJson) {
        JsonNode node;
        try {
            node = JSON.readTree(payloadJson);
        } catch (IOException e) {
            throw new DecryptionException("encrypted data must be JSON {\"nonce\",\"ciphertext\"}");
        }
        if (node == null || !node.path("nonce").isTextual() || !node.path("ciphertext").isTextual()) {
            throw new DecryptionException("encrypted data must be JSON {\"nonce\",\"ciphertext\"}");
        }
        return decrypt(channel, new EncryptedPayload(node.get("nonce").asText(), node.get("ciphertext").asText()));
    }

    private static void requireEncrypted(String channel) {
        if (!isEncrypted(channel)) {
            throw new HeraldValidationException("channel '" + channel + "' is not a private-encrypted- channel");
        }
    }
}
