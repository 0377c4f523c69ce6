package io.herald.push;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Plays a browser and its push service, independently of Herald's sending code: makes subscriptions
 * (a P-256 key pair and an auth secret each, as a browser does), receives Web Push requests on
 * 127.0.0.1, checks their VAPID signature (RFC 8292) and decrypts their {@code aes128gcm} body
 * (RFC 8291) with the JDK's ECDH and AES-GCM and BouncyCastle's HKDF. A subscription can be expired
 * (410 from then on) or throttled (429 with Retry-After).
 */
final class TestPushService implements AutoCloseable {

    /**
     * A message that arrived and decrypted.
     *
     * @param subscription the subscription id
     * @param json the decrypted payload
     * @param ttl the TTL header
     * @param vapidJwt the JWT of its VAPID Authorization header
     * @param atMillis when it arrived
     */
    record Received(String subscription, String json, String ttl, String vapidJwt, long atMillis) {
    }

    /** A browser's subscription: what it keeps, and the JSON it would give the web SDK. */
    record Subscription(String id, KeyPair keys, byte[] auth, String endpoint, String applicationServerKey) {

        String json() {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
                    + b64url(uncompressed((ECPublicKey) keys.getPublic())) + "\",\"auth\":\"" + b64url(auth) + "\"}}";
        }

        /** What the web SDK sends as {@code token}: {@code btoa(JSON.stringify(subscription))}. */
        String token() {
            return Base64.getEncoder().encodeToString(json().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> expired = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, String> retryAfter = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> refusals = new LinkedBlockingQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean unavailable;

    TestPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/push/", this::push);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** A new subscription for the application server key a browser was given (base64url). */
    Subscription subscribe(String applicationServerKey) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        String id = UUID.randomUUID().toString();
        Subscription s = new Subscription(id, g.generateKeyPair(), auth,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + id, applicationServerKey);
        subscriptions.put(id, s);
        return s;
    }

    /** From now on the push service answers 410 Gone for it, as for an unsubscribed browser. */
    void expire(Subscription s) {
        expired.put(s.id(), true);
    }

    /** The next {@code times} requests for it get 429 with this Retry-After. */
    void throttle(Subscription s, int times, String retryAfterValue) {
        throttled.put(s.id(), new AtomicInteger(times));
        retryAfter.put(s.id(), retryAfterValue);
    }

    /** While true every request gets 503 with Retry-After: 1, as a push service in trouble. */
    void unavailable(boolean value) {
        unavailable = value;
    }

    Received next(Duration within) throws InterruptedException {
        Received r = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no push message within " + within + "; refused: " + refusals);
        }
        return r;
    }

    /** Null if nothing else arrives within {@code within}. */
    Received poll(Duration within) throws InterruptedException {
        return received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    int requests() {
        return requests.get();
    }

    private void push(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/push/".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Subscription s = subscriptions.get(id);
            if (unavailable) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (s == null || expired.containsKey(id)) {
                exchange.sendResponseHeaders(s == null ? 404 : 410, -1);
                return;
            }
            AtomicInteger throttle = throttled.get(id);
            if (throttle != null && throttle.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter.get(id));
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            String problem = check(exchange, s);
            String json = null;
            if (problem == null) {
                try {
                    json = decrypt(s, body);
                } catch (GeneralSecurityException | RuntimeException e) {
                    problem = "cannot decrypt: " + e;
                }
            }
            if (problem != null) {
                refusals.add(problem);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            received.add(new Received(id, json, exchange.getRequestHeaders().getFirst("TTL"),
                    vapidPart(exchange.getRequestHeaders().getFirst("Authorization"), "t"), System.currentTimeMillis()));
            exchange.sendResponseHeaders(201, -1);
        }
    }

    /** The headers RFC 8030/8291/8292 require, and a VAPID JWT signed by the key the browser was given. */
    private static String check(HttpExchange exchange, Subscription s) {
        var h = exchange.getRequestHeaders();
        if (!"aes128gcm".equals(h.getFirst("Content-Encoding"))) {
            return "Content-Encoding is " + h.getFirst("Content-Encoding");
        }
        if (h.getFirst("TTL") == null) {
            return "no TTL";
        }
        String authorization = h.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("vapid ")) {
            return "no vapid Authorization: " + authorization;
        }
        String t = vapidPart(authorization, "t");
        String k = vapidPart(authorization, "k");
        if (!s.applicationServerKey().equals(k)) {
            return "VAPID key " + k + " is not the subscription's " + s.applicationServerKey();
        }
        try {
            DecodedJWT jwt = JWT.require(Algorithm.ECDSA256(publicKey(Base64.getUrlDecoder().decode(k)), null))
                    .withAudience("http://127.0.0.1:" + exchange.getLocalAddress().getPort())
                    .build().verify(t);
            if (jwt.getSubject() == null || jwt.getExpiresAt() == null) {
                return "VAPID JWT without sub or exp";
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            return "bad VAPID JWT: " + e.getMessage();
        }
        return null;
    }

    /** The {@code t} (JWT) or {@code k} (key) parameter of a {@code vapid} Authorization header. */
    private static String vapidPart(String authorization, String name) {
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** RFC 8291 section 3.4 and RFC 8188, one record. */
    static String decrypt(Subscription s, byte[] body) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = in.get() & 0xff;
        byte[] asPublic = new byte[idLength];
        in.get(asPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (recordSize < body.length - 21 - idLength) {
            throw new GeneralSecurityException("more than one record");
        }
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(s.keys().getPrivate());
        ecdh.doPhase(publicKey(asPublic), true);
        byte[] ecdhSecret = ecdh.generateSecret();
        byte[] uaPublic = uncompressed((ECPublicKey) s.keys().getPublic());
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(s.auth(), ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record's delimiter is missing");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var params = ((ECPublicKey) g.generateKeyPair().getPublic()).getParams();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
