package io.herald.protocol.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305), composed from BouncyCastle's primitives: the
 * first 32 bytes of the XSalsa20 key stream key a one-time Poly1305, the rest encrypts the message,
 * and the box is the 16-byte tag followed by the ciphertext. Interoperates with libsodium,
 * TweetNaCl and pusher-js. Needs {@code org.bouncycastle:bcprov-jdk18on} on the class path (an
 * optional dependency of herald-protocol that the SDK and the client declare).
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 24;
    public static final int TAG_BYTES = 16;

    private SecretBox() {
    }

    /** Encrypts and authenticates {@code message}: returns tag ‖ ciphertext. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] macKey = keyStream(cipher);
        byte[] box = new byte[TAG_BYTES + message.length];
        cipher.processBytes(message, 0, message.length, box, TAG_BYTES);
        byte[] tag = tag(macKey, box, TAG_BYTES, message.length);
        System.arraycopy(tag, 0, box, 0, TAG_BYTES);
        return box;
    }

    /**
     * Verifies and decrypts a box made by {@link #seal}.
     *
     * @return the message, or {@code null} when the box does not authenticate under {@code key}
     *     (wrong key, tampered or truncated data)
     */
    public static byte[] open(byte[] key, byte[] nonce, byte[] box) {
        XSalsa20Engine cipher = cipher(key, nonce);
        if (box.length < TAG_BYTES) {
            return null;
        }
        byte[] macKey = keyStream(cipher);
        byte[] expected = tag(macKey, box, TAG_BYTES, box.length - TAG_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(box, TAG_BYTES))) {
            return null;
        }
        byte[] message = new byte[box.length - TAG_BYTES];
        cipher.processBytes(box, TAG_BYTES, message.length, message, 0);
        return message;
    }

    private static XSalsa20Engine cipher(byte[] key, byte[] nonce) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes, was " + key.length);
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, was " + nonce.length);
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    /** The Poly1305 key: the first 32 bytes of key stream (encrypting zeros yields the stream itself). */
    private static byte[] keyStream(XSalsa20Engine cipher) {
        byte[] stream = new byte[32];
        cipher.processBytes(new byte[32], 0, 32, stream, 0);
        return stream;
    }

    private static byte[] tag(byte[] macKey, byte[] data, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(data, offset, length);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }
}
