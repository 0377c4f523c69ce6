package io.herald.protocol;

/**
 * The signatures an app's auth endpoint hands to clients, and their check. Private and encrypted
 * channels sign {@code socket_id:channel}; presence channels append {@code :channel_data}; user
 * sign-in signs {@code socket_id::user::user_data}. The wire form is {@code key:hexsignature}.
 */
public final class ChannelAuth {

    private ChannelAuth() {
    }

    public static String channelSignature(String secret, String socketId, String channel, String channelData) {
        String message = channelData == null
                ? socketId + ":" + channel
                : socketId + ":" + channel + ":" + channelData;
        return Crypto.hmacSha256Hex(secret, message);
    }

    public static String userSignature(String secret, String socketId, String userData) {
        return Crypto.hmacSha256Hex(secret, socketId + "::user::" + userData);
    }

    /** The {@code auth} value a client sends: {@code key:signature}. */
    public static String authString(String key, String signature) {
        return key + ":" + signature;
    }

    /** True when {@code auth} is {@code key:signature} for exactly this key and signature. */
    public static boolean matches(String key, String expectedSignature, String auth) {
        if (auth == null) {
            return false;
        }
        // The signature is hex, so the last colon ends the key even when a key contains one.
        int colon = auth.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean keyMatches = Crypto.constantTimeEquals(key, auth.substring(0, colon));
        boolean signatureMatches = Crypto.constantTimeEquals(expectedSignature, auth.substring(colon + 1));
        return keyMatches & signatureMatches;
    }
}
