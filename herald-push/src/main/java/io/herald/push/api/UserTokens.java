package io.herald.push.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.herald.push.PushInstance;
import java.time.Duration;

/**
 * Checks the Beams user tokens a browser shows to bind its device to a user: HS256 JWTs signed with
 * the instance's secret key, {@code sub} = the user id, an {@code exp}, and the issuer the official
 * SDKs write ({@code https://{instanceId}.pushnotifications.pusher.com}).
 */
public final class UserTokens {

    private final Duration leeway;

    public UserTokens(Duration leeway) {
        this.leeway = leeway;
    }

    /**
     * The user id the token was issued for.
     *
     * @throws BeamsException 401 when the token is missing, forged, malformed or expired; 403 when it
     *                        was issued for another instance
     */
    public String verify(PushInstance instance, String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            throw BeamsException.unauthorized("A Beams token is required: Authorization: Bearer <token>");
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.require(Algorithm.HMAC256(instance.secret()))
                    .withIssuer(instance.tokenIssuer())
                    .withClaimPresence("exp")
                    .withClaimPresence("sub")
                    .acceptLeeway(leeway.toSeconds())
                    .build()
                    .verify(token);
        } catch (IncorrectClaimException e) {
            if ("iss".equals(e.getClaimName())) {
                throw BeamsException.forbidden("The token was not issued for this instance");
            }
            throw BeamsException.unauthorized("Invalid token: " + e.getMessage());
        } catch (JWTVerificationException e) {
            throw BeamsException.unauthorized("Invalid token: " + e.getMessage());
        }
        String userId = jwt.getSubject();
        if (userId == null || userId.isEmpty() || userId.length() > Names.MAX_USER_ID_BYTES) {
            throw BeamsException.unauthorized("Invalid token: sub must be a user id of 1-164 characters");
        }
        return userId;
    }

    /** The token of an {@code Authorization: Bearer …} header, or {@code null}. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
