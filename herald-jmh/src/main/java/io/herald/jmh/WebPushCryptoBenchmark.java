package io.herald.jmh;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The public-key work of one encrypted Web Push delivery (RFC 8291 aes128gcm, RFC 8292 VAPID), each
 * step with the JDK's own provider (SunEC) and with BouncyCastle: a fresh P-256 key pair, ECDH with
 * the subscription's key, the ES256 signature of a VAPID JWT; and, for scale, AES-128-GCM over a
 * 400-byte payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebPushCryptoBenchmark {

    @Param({"SunEC", "BC"})
    public String provider;

    private Provider jca;
    private KeyPairGenerator generator;
    private KeyPair server;
    private KeyPair subscription;
    private final byte[] jwt = new byte[180];
    private final byte[] payload = new byte[400];
    private final SecretKeySpec contentKey = new SecretKeySpec(new byte[16], "AES");
    private long nonce;

    @Setup
    public void setUp() throws GeneralSecurityException {
        jca = provider.equals("BC") ? new BouncyCastleProvider() : java.security.Security.getProvider("SunEC");
        generator = KeyPairGenerator.getInstance("EC", jca);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        server = generator.generateKeyPair();
        subscription = generator.generateKeyPair();
    }

    /** The ephemeral key pair RFC 8291 makes for each message. */
    @Benchmark
    public KeyPair ephemeralKeyPair() {
        return generator.generateKeyPair();
    }

    /** The shared secret with the subscription's p256dh key. */
    @Benchmark
    public byte[] ecdh() throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", jca);
        agreement.init(server.getPrivate());
        agreement.doPhase(subscription.getPublic(), true);
        return agreement.generateSecret();
    }

    /** The ES256 signature of a VAPID JWT, when one is made per request. */
    @Benchmark
    public byte[] vapidSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(provider.equals("BC") ? "SHA256withPLAIN-ECDSA"
                : "SHA256withECDSAinP1363Format", jca);
        signature.initSign(server.getPrivate());
        signature.update(jwt);
        return signature.sign();
    }

    /** The symmetric part, with the JDK's AES-GCM whatever the parameter (it is not a P-256 step). */
    @Benchmark
    public byte[] aes128gcm() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] iv = new byte[12];
        long n = ++nonce;
        for (int i = 0; i < 8; i++) {
            iv[11 - i] = (byte) (n >>> (8 * i));
        }
        cipher.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(128, iv));
        return cipher.doFinal(payload);
    }
}
