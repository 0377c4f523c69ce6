package io.herald.protocol.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The secretbox key of a {@code private-encrypted-} channel: SHA-256(channel name bytes ‖ 32-byte
 * master key), as Pusher's server libraries derive it. Its base64 is the {@code shared_secret} an
 * auth endpoint hands to subscribers. Needs only the JDK.
 */
public final class SharedSecret {

    /** The length of an app's encryption master key. */
    public static final int MASTER_KEY_BYTES = 32;

    private SharedSecret() {
    }

    /** The channel's 32-byte secretbox key; {@code masterKey} must be {@value #MASTER_KEY_BYTES} bytes. */
    public static byte[] derive(String channelName, byte[] masterKey) {
        if (masterKey.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "encryptionMasterKey must be " + MASTER_KEY_BYTES + " bytes, was " + masterKey.length);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(channelName.getBytes(StandardCharsets.UTF_8));
            sha256.update(masterKey);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The {@code shared_secret} of an auth response: base64 of {@link #derive}. */
    public static String deriveBase64(String channelName, byte[] masterKey) {
        return Base64.getEncoder().encodeToString(derive(channelName, masterKey));
    }

    /** The secretbox key from an auth response's base64 {@code shared_secret}, or {@code null} if unusable. */
    public static byte[] fromBase64(String sharedSecret) {
        if (sharedSecret == null) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(sharedSecret);
            return key.length == SecretBox.KEY_BYTES ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
