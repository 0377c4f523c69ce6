package io.herald.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Browser-like push subscriptions for the push scenario: each device gets its own endpoint at the sink
 * and real P-256 keys, so the server does the full RFC 8291 work (ECDH, HKDF, AES-GCM) per delivery.
 * Key pairs are drawn from a pool ({@code --key-pool}) since making 100,000 of them would cost the load
 * generator more than it tells: the server does one ECDH per delivery with a fresh key of its own either way.
 */
final class PushSubscriptions {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String[] p256dh;
    private final String[] auth;

    private PushSubscriptions(String[] p256dh, String[] auth) {
        this.p256dh = p256dh;
        this.auth = auth;
    }

    static PushSubscriptions pool(int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            SecureRandom random = new SecureRandom();
            String[] keys = new String[size];
            String[] secrets = new String[size];
            for (int i = 0; i < size; i++) {
                keys[i] = BASE64URL.encodeToString(uncompressed((ECPublicKey) generator.generateKeyPair().getPublic()));
                byte[] secret = new byte[16];
                random.nextBytes(secret);
                secrets[i] = BASE64URL.encodeToString(secret);
            }
            return new PushSubscriptions(keys, secrets);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JVM", e);
        }
    }

    /**
     * The Beams web SDK's device token for device {@code i}: base64 of the subscription's JSON as
     * {@code JSON.stringify(pushSubscription)} gives it in a browser.
     */
    String beamsToken(int i, String endpoint) {
        int k = i % p256dh.length;
        String json = "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
                + p256dh[k] + "\",\"auth\":\"" + auth[k] + "\"}}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The point as 0x04 ‖ X ‖ Y, 32 bytes each, as PushSubscription.getKey("p256dh") has it. */
    private static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copyFixed(key.getW().getAffineX(), point, 1);
        copyFixed(key.getW().getAffineY(), point, 33);
        return point;
    }

    private static void copyFixed(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray(); // big-endian, maybe with a sign byte or shorter than 32
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
