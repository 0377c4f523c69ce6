package io.herald.sdk.crypto;

import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.crypto.EncryptedPayload;
import io.herald.protocol.crypto.SharedSecret;
import io.herald.sdk.HeraldRestOptions;
import io.herald.sdk.HeraldValidationException;
import java.util.Base64;

/**
 * End-to-end encryption for {@code private-encrypted-} channels. Each channel's secretbox key is
 * SHA-256(channel name ‖ master key); its base64 is the {@code shared_secret} the auth endpoint
 * hands to subscribers. Events travel as {@code {"nonce","ciphertext"}} (base64); Herald never sees
 * plaintext. The wire-level work is done by {@link io.herald.protocol.crypto}, which the realtime
 * client shares; this facade adds the SDK's checks and exceptions. Thread-safe.
 */
public final class ChannelEncryption {

    private final byte[] masterKey;

    /**
     * An app's encryption, from its master key.
     *
     * @param masterKey 32 bytes, the app's encryption master key; copied
     * @throws HeraldValidationException when the key is null or not 32 bytes
     */
    public ChannelEncryption(byte[] masterKey) {
        if (masterKey == null || masterKey.length != HeraldRestOptions.MASTER_KEY_BYTES) {
            throw new HeraldValidationException("encryptionMasterKey must be " + HeraldRestOptions.MASTER_KEY_BYTES + " bytes");
        }
        this.masterKey = masterKey.clone();
    }

    /**
     * Tells whether a channel's events are end-to-end encrypted.
     *
     * @param channel a channel name, or {@code null}
     * @return true for a {@code private-encrypted-} channel
     */
    public static boolean isEncrypted(String channel) {
        return channel != null && ChannelName.typeOf(channel) == ChannelType.PRIVATE_ENCRYPTED;
    }

    /**
     * The channel's 32-byte secretbox key: SHA-256(channel name bytes ‖ master key).
     *
     * @param channel a {@code private-encrypted-} channel name
     * @return a new array holding the key
     * @throws HeraldValidationException when the channel is not an encrypted one
     */
    public byte[] sharedSecret(String channel) {
        requireEncrypted(channel);
        return SharedSecret.derive(channel, masterKey);
    }

    /**
     * The {@code shared_secret} of an auth response: base64 of {@link #sharedSecret(String)}.
     *
     * @param channel a {@code private-encrypted-} channel name
     * @return the key in base64
     * @throws HeraldValidationException when the channel is not an encrypted one
     */
    public String sharedSecretBase64(String channel) {
        return Base64.getEncoder().encodeToString(sharedSecret(channel));
    }

    /**
     * Encrypts {@code plaintext} with a fresh random nonce.
     *
     * @param channel a {@code private-encrypted-} channel name
     * @param plaintext the event data as sent, usually JSON
     * @return the nonce and ciphertext
     * @throws HeraldValidationException when the channel is not an encrypted one
     */
    public EncryptedPayload encrypt(String channel, String plaintext) {
        return EncryptedPayload.seal(sharedSecret(channel), plaintext);
    }

    /**
     * {@link #encrypt} as the JSON string that travels as the event's {@code data}.
     *
     * @param channel a {@code private-encrypted-} channel name
     * @param plaintext the event data as sent, usually JSON
     * @return {@code {"nonce":…,"ciphertext":…}}
     * @throws HeraldValidationException when the channel is not an encrypted one
     */
    public String encryptToJson(String channel, String plaintext) {
        return encrypt(channel, plaintext).toJson();
    }

    /**
     * Opens a payload made for {@code channel}.
     *
     * @param channel the {@code private-encrypted-} channel it was sent on
     * @param payload the nonce and ciphertext
     * @return the plaintext
     * @throws DecryptionException when the payload is malformed, for another channel or tampered with
     * @throws HeraldValidationException when the channel is not an encrypted one
     */
    public String decrypt(String channel, EncryptedPayload payload) {
        byte[] key = sharedSecret(channel);
        String plaintext;
        try {
            plaintext = payload.open(key);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException(e.getMessage());
        }
        if (plaintext == null) {
            throw new DecryptionException("ciphertext failed authentication (wrong key, tampered or truncated data)");
        }
        return plaintext;
    }

    /**
     * Opens event data given as the JSON text {@code {"nonce":…,"ciphertext":…}}.
     *
     * @param channel the {@code private-encrypted-} channel it was sent on
     * @param payloadJson the event's data as received
     * @return the plaintext
     * @throws DecryptionException when the payload is malformed, for another channel or tampered with
     * @throws HeraldValidationException when the channel is not an encrypted one
     */
    public String decryptJson(String channel, String payloadJson) {
        EncryptedPayload payload;
        try {
            payload = EncryptedPayload.fromJson(payloadJson);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException(e.getMessage());
        }
        return decrypt(channel, payload);
    }

    private static void requireEncrypted(String channel) {
        if (!isEncrypted(channel)) {
            throw new HeraldValidationException("channel '" + channel + "' is not a private-encrypted- channel");
        }
    }
}
