package io.herald.push.delivery;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.jwt.VAPIDJWTParam;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code Authorization: vapid t=…, k=…} header (RFC 8292) per instance and push service
 * origin, signed once and reused: the JWT is valid {@link #VALIDITY} and signed again after
 * {@link #RENEW_AFTER}, so every request carries one with hours left. Signing per request was an
 * ES256 signature per delivery. Holds one entry per instance and origin; browsers use a handful of
 * push services.
 */
final class VapidHeaders {

    static final Duration VALIDITY = Duration.ofHours(12);
    static final Duration RENEW_AFTER = Duration.ofHours(1);
    /** Origins remembered at most; past it the cache starts again (a misbehaving store of endpoints). */
    private static final int MAX_ENTRIES = 10_000;

    private record Signed(String header, long signedAtNanos) {
    }

    private final Map<String, VAPIDKeyPair> keys;
    private final String subject;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();

    VapidHeaders(Map<String, VAPIDKeyPair> keys, String subject) {
        this.keys = keys;
        this.subject = subject;
    }

    /** The header for a push to {@code endpoint} signed with {@code instanceId}'s key. */
    String header(String instanceId, URI endpoint) {
        String origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String key = instanceId + " " + origin;
        Signed current = signed.get(key);
        if (current != null && fresh(current)) {
            return current.header();
        }
        if (signed.size() >= MAX_ENTRIES) {
            signed.clear();
        }
        // compute: the sends that start together wait for one signature instead of each making one.
        return signed.compute(key, (k, old) -> old != null && fresh(old) ? old : sign(instanceId, origin)).header();
    }

    private static boolean fresh(Signed s) {
        return System.nanoTime() - s.signedAtNanos() < RENEW_AFTER.toNanos();
    }

    private Signed sign(String instanceId, String origin) {
        long now = System.nanoTime();
        return new Signed(keys.get(instanceId).generateAuthorizationHeaderValue(VAPIDJWTParam.getBuilder()
                .resourceURLString(origin)
                .expiresAfter((int) VALIDITY.toMinutes(), TimeUnit.MINUTES)
                .subject(subject)
                .build()), now);
    }
}
