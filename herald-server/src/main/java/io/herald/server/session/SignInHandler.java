package io.herald.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.ChannelAuth;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.ProtocolException;
import io.herald.protocol.PusherEvents;
import io.herald.server.app.App;
import io.herald.server.cluster.Adapter;
import io.herald.server.message.ClientMessage;
import io.herald.server.message.Frames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pusher:signin {auth, user_data}}: checks the signature over {@code socket_id::user::user_data},
 * records the user cluster-wide, answers {@code pusher:signin_success} and starts the watchlist.
 * A bad signature, or signing in as a second user, closes the connection with 4009 (the signature
 * proves nothing else, and pusher-js then stops retrying with the same bad credentials). Refusals are
 * thrown as {@link ProtocolException}s for the caller to report. Runs on the connection's event loop.
 */
final class SignInHandler {

    /** Most ids a watchlist may name; more is refused with 4302. */
    static final int MAX_WATCHLIST = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Adapter adapter;
    private final Watchlists watchlists;

    SignInHandler(Adapter adapter, Watchlists watchlists) {
        this.adapter = adapter;
        this.watchlists = watchlists;
    }

    void signIn(Connection connection, ClientMessage message) {
        App app = connection.app();
        String auth = message.dataText("auth");
        String userData = message.dataText("user_data");
        if (auth == null || userData == null) {
            throw ProtocolException.invalidMessage("pusher:signin needs auth and user_data");
        }
        if (!app.signedWithSecretAt(Instant.now(), secret ->
                ChannelAuth.matches(app.key(), ChannelAuth.userSignature(secret, connection.socketId(), userData), auth))) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Invalid signature: expected HMAC SHA256 hex digest of "
                    + connection.socketId() + "::user::" + userData);
        }
        JsonNode data = parse(userData);
        String userId = data == null ? null : userId(data, app);
        if (userId == null) {
            throw ProtocolException.invalidMessage("user_data must be a JSON object with an id of 1 to "
                    + app.limits().maxUserIdLength() + " characters");
        }
        List<String> watchlist = watchlist(data.get("watchlist"));
        if (watchlist == null) {
            throw ProtocolException.invalidMessage("watchlist must be an array of user ids");
        }
        if (watchlist.size() > MAX_WATCHLIST) {
            throw new ProtocolException(ErrorCode.WATCHLIST_OVER_LIMIT,
                    "Watchlist names " + watchlist.size() + " users; the limit is " + MAX_WATCHLIST);
        }
        if (connection.userId() != null) {
            if (!connection.userId().equals(userId)) {
                throw new ProtocolException(ErrorCode.UNAUTHORIZED, "Already signed in as another user");
            }
            sendSuccess(connection, userData); // same user again: confirm, nothing changes
            return;
        }
        connection.signIn(userId, watchlist);
        adapter.signedIn(app.id(), userId, connection);
        sendSuccess(connection, userData);
        watchlists.start(connection);
    }

    /** Forgets the connection's user; called once when the socket closes. */
    void signOut(Connection connection) {
        if (connection.userId() != null) {
            watchlists.stop(connection);
            adapter.signedOut(connection.app().id(), connection.userId(), connection);
        }
    }

    private static void sendSuccess(Connection connection, String userData) {
        connection.send(Frames.event(PusherEvents.SIGNIN_SUCCESS,
                JsonNodeFactory.instance.objectNode().put("user_data", userData)));
    }

    private static JsonNode parse(String userData) {
        try {
            JsonNode node = JSON.readTree(userData);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String userId(JsonNode data, App app) {
        JsonNode id = data.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            return null;
        }
        String text = id.asText();
        return text.isEmpty() || text.length() > app.limits().maxUserIdLength() ? null : text;
    }

    /** The ids, an empty list when absent, {@code null} when malformed. */
    private static List<String> watchlist(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> ids = new ArrayList<>(node.size());
        for (JsonNode id : node) {
            if (!(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
                return null;
            }
            if (!ids.contains(id.asText())) {
                ids.add(id.asText());
            }
        }
        return ids;
    }
}
