package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.Check;
import io.herald.protocol.crypto.SharedSecret;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Signs subscriptions locally with the app's key and secret, for trusted services that hold the secret
 * (never ship a secret to end users). Presence channels join as the user {@code presenceUser} supplies;
 * encrypted channels need the app's 32-byte encryption master key.
 */
public final class LocalChannelAuthorizer implements ChannelAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String secret;
    private final Supplier<Member> presenceUser;
    private final byte[] encryptionMasterKey;

    /**
     * Signs private channels only; presence and encrypted subscriptions fail.
     *
     * @param key the app's key
     * @param secret the app's secret
     * @throws IllegalArgumentException when the key or secret is blank
     */
    public LocalChannelAuthorizer(String key, String secret) {
        this(key, secret, null, null);
    }

    /**
     * Signs private channels, and presence and encrypted channels when given what they need.
     *
     * @param key the app's key
     * @param secret the app's secret
     * @param presenceUser who joins presence channels (its {@code info} may be null); null to refuse them
     * @param encryptionMasterKey the app's 32-byte master key (copied); null to refuse encrypted channels
     * @throws IllegalArgumentException when the key or secret is blank, or the master key is not 32 bytes
     */
    public LocalChannelAuthorizer(String key, String secret, Supplier<Member> presenceUser, byte[] encryptionMasterKey) {
        this.key = Check.notBlank(key, "key");
        this.secret = Check.notBlank(secret, "secret");
        this.presenceUser = presenceUser;
        if (encryptionMasterKey != null && encryptionMasterKey.length != SharedSecret.MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("encryptionMasterKey must be " + SharedSecret.MASTER_KEY_BYTES
                    + " bytes, was " + encryptionMasterKey.length);
        }
        this.encryptionMasterKey = encryptionMasterKey == null ? null : encryptionMasterKey.clone();
    }

    @Override
    public CompletableFuture<AuthorizationResult> authorize(String socketId, String channelName) {
        try {
            return CompletableFuture.completedFuture(sign(socketId, channelName));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private AuthorizationResult sign(String socketId, String channelName) {
        ChannelType type = ChannelName.typeOf(channelName);
        String channelData = type == ChannelType.PRESENCE ? channelData(channelName) : null;
        String signature = ChannelAuth.channelSignature(secret, socketId, channelName, channelData);
        String sharedSecret = type == ChannelType.PRIVATE_ENCRYPTED ? sharedSecret(channelName) : null;
        return new AuthorizationResult(ChannelAuth.authString(key, signature), channelData, sharedSecret);
    }

    private String channelData(String channelName) {
        Member user = presenceUser == null ? null : presenceUser.get();
        if (user == null) {
            throw new HeraldRealtimeException("no presence user to join " + channelName + " as");
        }
        ObjectNode data = JSON.createObjectNode().put("user_id", user.id());
        JsonNode info = user.info();
        if (info != null && !info.isNull()) {
            data.set("user_info", info);
        }
        return data.toString();
    }

    /** base64(SHA-256(channel name ‖ master key)), as Pusher's server libraries derive it. */
    private String sharedSecret(String channelName) {
        if (encryptionMasterKey == null) {
            throw new HeraldRealtimeException("no encryption master key to join " + channelName);
        }
        return SharedSecret.deriveBase64(channelName, encryptionMasterKey);
    }
}
