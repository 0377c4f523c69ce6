package io.herald.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The digests the protocol signs with, always over UTF-8, and a constant-time comparison. */
public final class Crypto {

    private static final HexFormat HEX = HexFormat.of();
    /**
     * One instance of each per thread: {@code getInstance} searches the security providers on every
     * call, which cost a signed request more than the digest itself. Both reset after each result.
     */
    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> instance("HmacSHA256", Mac::getInstance));
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> instance("MD5", MessageDigest::getInstance));

    private interface Lookup<T> {
        T of(String algorithm) throws GeneralSecurityException;
    }

    private static <T> T instance(String algorithm, Lookup<T> lookup) {
        try {
            return lookup.of(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private Crypto() {
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} keyed with {@code secret}. */
    public static String hmacSha256Hex(String secret, String message) {
        return HEX.formatHex(hmacSha256(secret, message.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] hmacSha256(String secret, byte[] message) {
        Mac mac = HMAC_SHA256.get();
        try {
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused its key", e);
        }
        return mac.doFinal(message);
    }

    /** Lower-case hex MD5, as used for {@code body_md5}. */
    public static String md5Hex(byte[] body) {
        return HEX.formatHex(MD5.get().digest(body));
    }

    /**
     * Compares two strings in time that does not depend on where they differ. Compares their UTF-16
     * code units, not their UTF-8 bytes: encoding maps every lone surrogate to {@code ?}, so
     * {@code "\uD800"} would pass for {@code "?"}.
     */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(codeUnits(expected), codeUnits(actual));
    }

    private static byte[] codeUnits(String s) {
        byte[] bytes = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes[2 * i] = (byte) (c >>> 8);
            bytes[2 * i + 1] = (byte) c;
        }
        return bytes;
    }
}
