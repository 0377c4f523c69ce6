package io.herald.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.Limits;
import io.herald.server.app.App;
import io.herald.server.channel.PresenceMember;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Decides whether a connection may join a channel: checks the {@code auth} signature for private,
 * presence and encrypted channels and reads the presence member from {@code channel_data}; lets
 * only the connection signed in as user {@code id} join {@code #server-to-user-id}.
 */
final class ChannelAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChannelAuthorizer() {
    }

    /**
     * @return the presence member for presence channels, {@code null} for the others
     * @throws SubscriptionRefused when the connection may not join
     */
    static PresenceMember authorize(App app, String socketId, String signedInUserId, String channel,
                                    ChannelType type, String auth, String channelData) {
        switch (type) {
            case PUBLIC:
                return null;
            case PRIVATE:
            case PRIVATE_ENCRYPTED:
                verify(app, socketId, channel, null, auth);
                return null;
            case PRESENCE:
                if (channelData == null) {
                    throw SubscriptionRefused.badRequest("channel_data is required for presence channels");
                }
                verify(app, socketId, channel, channelData, auth);
                return member(channelData, app.limits());
            case SERVER_TO_USER:
                // No auth: the sign-in already proved the user; only that user may listen here.
                if (signedInUserId == null
                        || !channel.equals(ChannelName.SERVER_TO_USER_PREFIX + signedInUserId)) {
                    throw SubscriptionRefused.auth("Sign in as this user to subscribe to " + channel);
                }
                return null;
            default:
                throw new IllegalStateException("unhandled channel type " + type);
        }
    }

    private static void verify(App app, String socketId, String channel, String channelData, String auth) {
        if (auth == null || auth.isEmpty()) {
            throw SubscriptionRefused.auth("auth is required to subscribe to " + channel);
        }
        if (!app.signedWithSecretAt(Instant.now(), secret ->
                ChannelAuth.matches(app.key(), ChannelAuth.channelSignature(secret, socketId, channel, channelData), auth))) {
            throw SubscriptionRefused.auth("Invalid signature: expected HMAC SHA256 hex digest of "
                    + socketId + ":" + channel + (channelData == null ? "" : ":" + channelData)
                    + ", signed with the secret of app key " + app.key());
        }
    }

    private static PresenceMember member(String channelData, Limits limits) {
        JsonNode data;
        try {
            data = JSON.readTree(channelData);
        } catch (JsonProcessingException e) {
            throw SubscriptionRefused.badRequest("channel_data is not valid JSON");
        }
        if (data == null || !data.isObject()) {
            throw SubscriptionRefused.badRequest("channel_data must be a JSON object");
        }
        JsonNode id = data.get("user_id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
            throw SubscriptionRefused.badRequest("channel_data must have a user_id (string or number)");
        }
        String userId = id.asText();
        if (userId.length() > limits.maxUserIdLength()) {
            throw SubscriptionRefused.badRequest("user_id is longer than " + limits.maxUserIdLength() + " characters");
        }
        JsonNode info = data.get("user_info");
        if (info == null) {
            info = NullNode.getInstance();
        }
        if (info.toString().getBytes(StandardCharsets.UTF_8).length > limits.maxUserInfoBytes()) {
            throw SubscriptionRefused.badRequest("user_info is larger than " + limits.maxUserInfoBytes() + " bytes");
        }
        return new PresenceMember(userId, info);
    }
}
