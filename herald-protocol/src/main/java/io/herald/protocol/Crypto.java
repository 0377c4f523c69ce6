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

    private Crypto() {
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} keyed with {@code secret}. */
    public static String hmacSha256Hex(String secret, String message) {
        return HEX.formatHex(hmacSha256(secret, message.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Lower-case hex MD5, as used for {@code body_md5}. */
    public static String md5Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
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
