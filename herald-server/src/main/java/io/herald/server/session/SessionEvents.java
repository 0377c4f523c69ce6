package io.herald.server.session;

import io.herald.server.app.App;

/**
 * What sessions report for webhooks that one node decides alone (client events and cache misses)
 * and, for the debug console, connections and subscriptions coming and going.
 * Called on event loops; implementations must not block.
 */
public interface SessionEvents {

    /**
     * @param data the event data as the client sent it, a JSON string's content or the JSON text of a value
     * @param userId the presence user on presence channels, else {@code null}
     */
    void clientEvent(App app, String channel, String event, String data, String socketId, String userId);

    void cacheMiss(App app, String channel);

    /** A connection was admitted (for the debug console). */
    default void connectionOpened(Connection connection) {
    }

    /** An admitted connection closed, after it left its channels. */
    default void connectionClosed(Connection connection) {
    }

    /** A connection joined {@code channel}. */
    default void subscribed(Connection connection, String channel) {
    }

    /** A connection left {@code channel}, by unsubscribing or closing. */
    default void unsubscribed(Connection connection, String channel) {
    }

    SessionEvents NONE = new SessionEvents() {
        @Override
        public void clientEvent(App app, String channel, String event, String data, String socketId, String userId) {
        }

        @Override
        public void cacheMiss(App app, String channel) {
        }
    };
}
