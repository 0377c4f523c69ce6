package io.herald.client.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305) composed from BouncyCastle primitives: the first
 * 32 bytes of the XSalsa20 keystream are the one-time Poly1305 key, the rest encrypts the message,
 * and a box is the 16-byte tag followed by the encrypted message.
 */
public final class SecretBox {

    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 24;
    public static final int TAG_LENGTH = 16;

    private SecretBox() {
    }

    /** Opens {@code box}; returns {@code null} when the tag does not match (wrong key or tampering). */
    public static byte[] open(byte[] key, byte[] nonce, byte[] box) {
        checkLengths(key, nonce);
        if (box.length < TAG_LENGTH) {
            return null;
        }
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] expectedTag = mac(polyKey(cipher), box, TAG_LENGTH, box.length - TAG_LENGTH);
        if (!MessageDigest.isEqual(expectedTag, Arrays.copyOf(box, TAG_LENGTH))) {
            return null;
        }
        byte[] message = new byte[box.length - TAG_LENGTH];
        cipher.processBytes(box, TAG_LENGTH, message.length, message, 0);
        return message;
    }

    /** Seals {@code message}: tag ‖ ciphertext. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        checkLengths(key, nonce);
        XSalsa20Engine cipher = cipher(key, nonce);
        byte[] polyKey = polyKey(cipher);
        byte[] box = new byte[TAG_LENGTH + message.length];
        cipher.processBytes(message, 0, message.length, box, TAG_LENGTH);
        byte[] tag = mac(polyKey, box, TAG_LENGTH, message.length);
        System.arraycopy(tag, 0, box, 0, TAG_LENGTH);
        return box;
    }

    private static XSalsa20Engine cipher(byte[] key, byte[] nonce) {
        XSalsa20Engine cipher = new XSalsa20Engine();
        cipher.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return cipher;
    }

    /** Takes the Poly1305 key from the keystream, leaving the cipher positioned for the message. */
    private static byte[] polyKey(XSalsa20Engine cipher) {
        byte[] polyKey = new byte[KEY_LENGTH];
        cipher.processBytes(new byte[KEY_LENGTH], 0, KEY_LENGTH, polyKey, 0);
        return polyKey;
    }

    private static byte[] mac(byte[] polyKey, byte[] data, int offset, int length) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, offset, length);
        byte[] tag = new byte[TAG_LENGTH];
        poly.doFinal(tag, 0);
        return tag;
    }

    private static void checkLengths(byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("key must be " + KEY_LENGTH + " bytes, was " + key.length);
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes, was " + nonce.length);
        }
    }
}
