package io.herald.server.session;

import io.herald.protocol.ProtocolException;
import io.herald.protocol.PusherEvents;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.cluster.Adapter;
import io.herald.server.message.ClientMessage;
import io.herald.server.message.Frames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Reads what clients send and routes it: pings, subscriptions, sign-in, client events. Shared by all
 * connections; each call runs on the calling connection's event loop and never blocks.
 */
public final class ClientMessageHandler {

    private final SubscriptionHandler subscriptions;
    private final ClientEventHandler clientEvents;
    private final SignInHandler signIns;
    private final SessionEvents events;

    /**
     * @param events where client events and cache misses are reported (for webhooks)
     * @param watchlists the node's watchlists, also told of users going online and offline
     */
    public ClientMessageHandler(ChannelRegistries registries, Adapter adapter, SessionEvents events,
                                Watchlists watchlists) {
        this.subscriptions = new SubscriptionHandler(registries, adapter, events);
        this.clientEvents = new ClientEventHandler(adapter, events);
        this.signIns = new SignInHandler(adapter, watchlists);
        this.events = events;
    }

    /**
     * Handles one text frame. Parsing and the handlers throw {@link ProtocolException} for whatever
     * they refuse; it is answered here, once, by {@link Connection#reject}, never thrown further.
     */
    public void onMessage(Connection connection, String text) {
        try {
            dispatch(connection, ClientMessage.parse(text));
        } catch (ProtocolException problem) {
            connection.reject(problem);
        }
    }

    private void dispatch(Connection connection, ClientMessage message) {
        String event = message.event();
        switch (event) {
            case PusherEvents.PING -> connection.send(Frames.event(PusherEvents.PONG, null, "{}"));
            case PusherEvents.PONG -> {
                // Activity is recorded for every frame; nothing else to do.
            }
            case PusherEvents.SUBSCRIBE -> {
                String channel = message.dataText("channel");
                if (channel == null || channel.isEmpty()) {
                    // No channel to report a subscription_error for: clients could not match it to anything.
                    throw ProtocolException.invalidMessage("pusher:subscribe needs a channel");
                }
                subscriptions.subscribe(connection, channel, message.dataText("auth"), message.dataText("channel_data"));
            }
            case PusherEvents.UNSUBSCRIBE -> {
                String channel = message.dataText("channel");
                if (channel == null) {
                    throw ProtocolException.invalidMessage("pusher:unsubscribe needs a channel");
                }
                subscriptions.unsubscribe(connection, channel);
            }
            case PusherEvents.SIGNIN -> signIns.signIn(connection, message);
            default -> {
                if (PusherEvents.isClientEvent(event)) {
                    clientEvents.handle(connection, message);
                } else {
                    throw ProtocolException.invalidMessage("Unknown event: " + event);
                }
            }
        }
    }

    /** A socket was admitted as {@code connection}; its {@code connection_established} is on its way. */
    public void onOpen(Connection connection) {
        events.connectionOpened(connection);
    }

    /** Cleans up after a closed socket: leaves every channel, announcing presence departures, and signs out. */
    public void onClose(Connection connection) {
        subscriptions.unsubscribeAll(connection);
        signIns.signOut(connection);
        events.connectionClosed(connection);
    }

    /** The frame sent to a client that has been silent for the activity timeout. */
    public static TextWebSocketFrame ping() {
        return Frames.event(PusherEvents.PING, null, "{}");
    }
}
