package io.herald.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.Check;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Signs the sign-in locally with the app's key and secret, for trusted services that hold the secret
 * (never ship a secret to end users). The user data is fixed: {@code {"id", "user_info"?, "watchlist"?}}.
 */
public final class LocalUserAuthenticator implements UserAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String secret;
    private final String userData;

    /**
     * Signs this user data as JSON text, sent exactly as given.
     *
     * @param key the app's key
     * @param secret the app's secret
     * @param userData the user data as JSON text, a JSON object with an {@code id}
     * @throws IllegalArgumentException when the key or secret is blank, or the data is not such an object
     */
    public LocalUserAuthenticator(String key, String secret, String userData) {
        this.key = Check.notBlank(key, "key");
        this.secret = Check.notBlank(secret, "secret");
        this.userData = checked(userData);
    }

    /**
     * Signs this user data, serialised with Jackson.
     *
     * @param key the app's key
     * @param secret the app's secret
     * @param userData the user data; must hold an {@code id}
     * @throws IllegalArgumentException when the key or secret is blank, or the data is null or has no id
     */
    public LocalUserAuthenticator(String key, String secret, Map<String, ?> userData) {
        this(key, secret, JSON.valueToTree(Check.notNull(userData, "userData")).toString());
    }

    @Override
    public CompletableFuture<UserAuthentication> authenticate(String socketId) {
        String signature = ChannelAuth.userSignature(secret, socketId, userData);
        return CompletableFuture.completedFuture(new UserAuthentication(ChannelAuth.authString(key, signature), userData));
    }

    private static String checked(String userData) {
        Check.notBlank(userData, "userData");
        try {
            JsonNode node = JSON.readTree(userData);
            if (node != null && node.isObject() && node.hasNonNull("id")) {
                return userData;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("userData must be a JSON object with an id, was " + userData);
    }
}
