package io.herald.sdk.push;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs Beams tokens as the official server SDKs do: HS256 with the instance's secret key, {@code sub}
 * the user id, {@code iss} the hosted service's URL for the instance (which Herald accepts too) and
 * {@code exp} a fixed time ahead. No {@code iat}, like the Java and Go SDKs: a server whose clock is
 * a little behind would otherwise see a token issued in its future.
 */
final class TokenIssuer {

    private final Algorithm algorithm;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    TokenIssuer(HeraldPushOptions options, Clock clock) {
        this.algorithm = Algorithm.HMAC256(options.secretKey());
        this.issuer = HeraldPushOptions.hostedBeams(options.instanceId());
        this.ttl = options.tokenTtl();
        this.clock = clock;
    }

    BeamsToken issue(String userId) {
        PushTargets.userId(userId);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = JWT.create()
                .withSubject(userId)
                .withIssuer(issuer)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        return new BeamsToken(token, userId, expiresAt);
    }
}
