package io.herald.sdk.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.protocol.Limits;
import io.herald.protocol.SocketId;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.JsonSerializer;
import io.herald.sdk.crypto.ChannelEncryption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds the JSON an app's auth endpoints return to pusher-js and the other official clients:
 * channel authorization ({@code {"auth"}}, plus {@code channel_data} for presence and
 * {@code shared_secret} for encrypted channels) and user sign-in ({@code {"auth","user_data"}}).
 * Signatures come from herald-protocol's {@link ChannelAuth}. Thread-safe.
 */
public final class Authorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String secret;
    private final Limits limits;
    private final JsonSerializer serializer;
    private final ChannelEncryption encryption;

    /**
     * An authorizer for one app. {@link io.herald.sdk.HeraldRest} makes one from its options; create one
     * directly only to sign without a client.
     *
     * @param key the app's key
     * @param secret the app's secret
     * @param limits the user id and user info limits to enforce
     * @param serializer writes user info as JSON
     * @param encryption the app's channel encryption, or {@code null} when no master key is set
     */
    public Authorizer(String key, String secret, Limits limits, JsonSerializer serializer, ChannelEncryption encryption) {
        this.key = key;
        this.secret = secret;
        this.limits = limits;
        this.serializer = serializer;
        this.encryption = encryption;
    }

    /**
     * Authorizes a private or encrypted channel.
     *
     * @param socketId the socket id the browser sent
     * @param channel the channel name the browser sent
     * @return {@code {"auth":"key:sig"[,"shared_secret":…]}}
     * @throws HeraldValidationException when the socket id or channel is malformed, the channel is public or
     *     presence, or it is encrypted and no master key is set
     */
    public String authorizeChannel(String socketId, String channel) {
        check(socketId, channel);
        ChannelType type = ChannelName.typeOf(channel);
        if (type == ChannelType.PRESENCE) {
            throw new HeraldValidationException("channel '" + channel + "' is a presence channel; pass the member's PresenceData");
        }
        if (!type.requiresAuthorization()) {
            throw new HeraldValidationException("channel '" + channel + "' needs no authorization; only private-, presence- and private-encrypted- channels do");
        }
        ObjectNode response = JSON.createObjectNode()
                .put("auth", ChannelAuth.authString(key, ChannelAuth.channelSignature(secret, socketId, channel, null)));
        if (type == ChannelType.PRIVATE_ENCRYPTED) {
            if (encryption == null) {
                throw new HeraldValidationException("channel '" + channel + "' is encrypted; set encryptionMasterKey to authorize it");
            }
            response.put("shared_secret", encryption.sharedSecretBase64(channel));
        }
        return response.toString();
    }

    /**
     * Authorizes a presence channel.
     *
     * @param socketId the socket id the browser sent
     * @param channel the {@code presence-} channel name the browser sent
     * @param member who joins; {@code null} behaves as {@link #authorizeChannel(String, String)}
     * @return {@code {"auth":"key:sig","channel_data":"{\"user_id\":…}"}}
     * @throws HeraldValidationException when an argument is malformed, the channel is not a presence channel,
     *     or the user id or info is over its limit
     */
    public String authorizeChannel(String socketId, String channel, PresenceData member) {
        if (member == null) {
            return authorizeChannel(socketId, channel);
        }
        check(socketId, channel);
        if (ChannelName.typeOf(channel) != ChannelType.PRESENCE) {
            throw new HeraldValidationException("channel '" + channel + "' is not a presence- channel; presence data only applies to those");
        }
        String channelData = channelData(member);
        return JSON.createObjectNode()
                .put("auth", ChannelAuth.authString(key, ChannelAuth.channelSignature(secret, socketId, channel, channelData)))
                .put("channel_data", channelData)
                .toString();
    }

    /**
     * Signs a user in.
     *
     * @param socketId the socket id the browser sent
     * @param user the user: id, optional info and watchlist
     * @return {@code {"auth":"key:sig","user_data":"{\"id\":…}"}}
     * @throws HeraldValidationException when the socket id is malformed, the user is null or its watchlist
     *     holds more than {@link UserData#MAX_WATCHLIST} ids
     */
    public String authenticateUser(String socketId, UserData user) {
        checkSocketId(socketId);
        if (user == null) {
            throw new HeraldValidationException("user data must not be null");
        }
        if (user.watchlist().size() > UserData.MAX_WATCHLIST) {
            throw new HeraldValidationException("watchlist holds at most " + UserData.MAX_WATCHLIST + " ids, got " + user.watchlist().size());
        }
        ObjectNode data = JSON.createObjectNode().put("id", user.id());
        if (user.userInfo() != null) {
            data.set("user_info", tree(serializer.toJson(user.userInfo())));
        }
        if (!user.watchlist().isEmpty()) {
            ArrayNode watchlist = data.putArray("watchlist");
            user.watchlist().forEach(watchlist::add);
        }
        String userData = data.toString();
        return JSON.createObjectNode()
                .put("auth", ChannelAuth.authString(key, ChannelAuth.userSignature(secret, socketId, userData)))
                .put("user_data", userData)
                .toString();
    }

    private String channelData(PresenceData member) {
        if (member.userId().length() > limits.maxUserIdLength()) {
            throw new HeraldValidationException("user id is " + member.userId().length() + " characters; the limit is " + limits.maxUserIdLength());
        }
        ObjectNode data = JSON.createObjectNode().put("user_id", member.userId());
        if (member.userInfo() != null) {
            String info = serializer.toJson(member.userInfo());
            int bytes = info.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxUserInfoBytes()) {
                throw new HeraldValidationException("user info is " + bytes + " bytes; the limit is " + limits.maxUserInfoBytes());
            }
            data.set("user_info", tree(info));
        }
        return data.toString();
    }

    private void check(String socketId, String channel) {
        checkSocketId(socketId);
        String problem = ChannelName.problem(channel, limits.maxChannelNameLength());
        if (problem != null) {
            throw new HeraldValidationException(problem);
        }
    }

    private static void checkSocketId(String socketId) {
        if (!SocketId.isValid(socketId)) {
            throw new HeraldValidationException("socket id '" + socketId + "' is malformed; expected digits.digits");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new HeraldValidationException("the serializer produced invalid JSON", e);
        }
    }
}
