package io.herald.server.admin;

import io.herald.server.config.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may use the admin API and the debug console: whoever presents the {@code admin-token} as
 * {@code Authorization: Bearer <token>}. Without a token configured, nobody (both are off).
 */
public final class AdminAccess {

    private static final String BEARER = "Bearer ";

    /** {@code null} when the admin API is off. */
    private final byte[] token;

    private AdminAccess(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminAccess of(ServerOptions options) {
        return new AdminAccess(options.adminToken());
    }

    /** Whether an admin token is configured, so the admin API and the console are served at all. */
    public boolean enabled() {
        return token != null;
    }

    /** Whether an {@code Authorization} header value carries the admin token; compared in constant time. */
    public boolean permits(String authorization) {
        if (token == null || authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return permitsToken(authorization.substring(BEARER.length()).trim());
    }

    /** Whether {@code presented} is the admin token (for the console's login, which has no header); constant time. */
    public boolean permitsToken(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
