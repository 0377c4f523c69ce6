package io.herald.server.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.PusherEvents;
import io.herald.server.cluster.Adapter;
import io.herald.server.message.Frames;
import io.herald.server.user.UserConnection;
import io.herald.server.user.UserRegistry;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Tells signed-in connections when users on their watchlist go online or offline, with
 * {@code pusher_internal:watchlist_events {"events":[{"name":"online"|"offline","user_ids":[…]}]}},
 * the shape pusher-js listens for: the current state right after sign-in, then each change.
 * Thread-safe; never blocks.
 */
public final class Watchlists {

    private final Adapter adapter;
    private final UserRegistry users;

    public Watchlists(Adapter adapter, UserRegistry users) {
        this.adapter = adapter;
        this.users = users;
    }

    /** Registers a newly signed-in connection's watchlist and sends it the current state. */
    void start(Connection connection) {
        List<String> ids = connection.watchlist();
        if (ids.isEmpty()) {
            return;
        }
        String appId = connection.app().id();
        // Watch first, then read the state: a change in between is sent twice at worst, never lost.
        users.watch(appId, connection, ids);
        adapter.onlineUsers(appId, ids).thenAccept(online -> {
            List<String> on = new ArrayList<>();
            List<String> off = new ArrayList<>();
            for (String id : ids) {
                (online.contains(id) ? on : off).add(id);
            }
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            ArrayNode events = data.putArray("events");
            addEvent(events, "online", on);
            addEvent(events, "offline", off);
            connection.send(Frames.event(PusherEvents.WATCHLIST_EVENTS, data));
        });
    }

    void stop(Connection connection) {
        users.unwatch(connection.app().id(), connection, connection.watchlist());
    }

    /** Tells this node's watchers of {@code userId} that it went online. */
    public void userOnline(String appId, String userId) {
        notify(appId, userId, "online");
    }

    /** Tells this node's watchers of {@code userId} that it went offline. */
    public void userOffline(String appId, String userId) {
        notify(appId, userId, "offline");
    }

    private void notify(String appId, String userId, String name) {
        Collection<UserConnection> watchers = users.watchers(appId, userId);
        if (watchers.isEmpty()) {
            return;
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        addEvent(data.putArray("events"), name, Set.of(userId));
        TextWebSocketFrame frame = Frames.event(PusherEvents.WATCHLIST_EVENTS, data);
        try {
            for (UserConnection watcher : watchers) {
                watcher.send(frame.retainedDuplicate());
            }
        } finally {
            frame.release();
        }
    }

    private static void addEvent(ArrayNode events, String name, Collection<String> ids) {
        if (!ids.isEmpty()) {
            ArrayNode userIds = events.addObject().put("name", name).putArray("user_ids");
            ids.forEach(userIds::add);
        }
    }
}
