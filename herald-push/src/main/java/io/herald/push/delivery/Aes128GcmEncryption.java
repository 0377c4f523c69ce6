package io.herald.push.delivery;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * Web Push message encryption, {@code aes128gcm} (RFC 8291 over RFC 8188), one record. The P-256
 * work (a fresh key pair per message and the ECDH with the subscription's key) runs on
 * BouncyCastle's lightweight API: zerodep-web-push-java asks the JCA for the default provider, and
 * the JDK's SunEC does each operation 2–7× slower (docs/benchmarks.md, "Push notifications"). BouncyCastle
 * is called directly, never installed as a JVM-wide provider. HKDF is BouncyCastle's, AES-GCM the JDK's.
 */
final class Aes128GcmEncryption {

    /** The record size announced in the header; a push message is always one record below it. */
    private static final int RECORD_SIZE = 4096;
    /** BouncyCastle's own P-256 field arithmetic: on the generic curve most time went to BigInteger division. */
    private static final ECDomainParameters P256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();

    /**
     * Encrypts {@code plaintext} for one subscription.
     *
     * @param p256dh the subscription's public key, base64url of an uncompressed P-256 point
     * @param auth the subscription's 16-byte authentication secret, base64url
     * @return the body of the push request: header (salt, record size, sender key) and ciphertext
     * @throws IllegalArgumentException when the subscription's keys are not usable
     */
    byte[] encrypt(String p256dh, String auth, byte[] plaintext) {
        byte[] uaPublic = Base64.getUrlDecoder().decode(strip(p256dh));
        byte[] authSecret = Base64.getUrlDecoder().decode(strip(auth));
        if (uaPublic.length != 65 || uaPublic[0] != 4 || authSecret.length != 16) {
            throw new IllegalArgumentException("p256dh must be an uncompressed P-256 point and auth 16 bytes");
        }
        if (plaintext.length + 1 + 16 > RECORD_SIZE) {
            throw new IllegalArgumentException("the message is too long for one record");
        }
        // decodePoint rejects a point that is not on the curve.
        ECPublicKeyParameters uaKey = new ECPublicKeyParameters(P256.getCurve().decodePoint(uaPublic), P256);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256, random));
        AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
        byte[] asPublic = ((ECPublicKeyParameters) ephemeral.getPublic()).getQ().getEncoded(false);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(ephemeral.getPrivate());
        BigInteger shared = agreement.calculateAgreement(uaKey);
        byte[] ecdhSecret = BigIntegers.asUnsignedByteArray(32, shared);

        byte[] ikm = hkdf(authSecret, ecdhSecret, concat(KEY_INFO, uaPublic, asPublic), 32);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] cek = hkdf(salt, ikm, CEK_INFO, 16);
        byte[] nonce = hkdf(salt, ikm, NONCE_INFO, 12);

        byte[] padded = new byte[plaintext.length + 1];
        System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
        padded[plaintext.length] = 2; // the delimiter of the last (here: only) record
        byte[] ciphertext;
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            ciphertext = aes.doFinal(padded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        return ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + ciphertext.length)
                .put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(ciphertext)
                .array();
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** Browsers send base64url without padding; some clients add it. */
    private static String strip(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }
}
