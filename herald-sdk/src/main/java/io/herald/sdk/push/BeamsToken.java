package io.herald.sdk.push;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/**
 * A Beams token: an HS256 JWT that lets a device sign in as one user ({@code PUT devices/web/{id}/user}).
 * Return {@link #toJson()} from your Beams auth endpoint: it is what the web SDK's token provider
 * expects.
 *
 * @param token the signed JWT
 * @param userId its {@code sub}
 * @param expiresAt its {@code exp}
 */
public record BeamsToken(String token, String userId, Instant expiresAt) {

    /** @return {@code {"token":"…"}}, the body of a Beams auth endpoint's answer */
    public String toJson() {
        return JsonNodeFactory.instance.objectNode().put("token", token).toString();
    }

    @Override
    public String toString() {
        // The token is a credential: keep it out of logs.
        return "BeamsToken[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
