package io.herald.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.Limits;
import io.herald.server.cluster.Adapter;
import io.herald.server.message.ClientMessage;
import io.herald.server.message.OutboundEvent;
import java.nio.charset.StandardCharsets;

/**
 * Relays {@code client-} events to the other subscribers of a private, presence or encrypted channel
 * the sender has joined, adding {@code user_id} on presence channels. Runs on the sender's event loop.
 */
final class ClientEventHandler {

    private final Adapter adapter;
    private final SessionEvents events;

    ClientEventHandler(Adapter adapter, SessionEvents events) {
        this.adapter = adapter;
        this.events = events;
    }

    void handle(Connection connection, ClientMessage message) {
        String channel = message.channel();
        Limits limits = connection.app().limits();
        if (!connection.app().clientEvents()) {
            connection.sendError("Client events are not enabled for this app", ErrorCode.UNAUTHORIZED);
            return;
        }
        if (channel == null) {
            connection.sendError("Client event " + message.event() + " has no channel", null);
            return;
        }
        if (!ChannelName.typeOf(channel).requiresAuthorization()) {
            connection.sendError("Client events are only allowed on private, presence and encrypted channels", ErrorCode.UNAUTHORIZED);
            return;
        }
        if (!connection.isSubscribed(channel)) {
            connection.sendError("Client event rejected: not subscribed to " + channel, ErrorCode.UNAUTHORIZED);
            return;
        }
        if (message.event().length() > limits.maxEventNameLength()) {
            connection.sendError("Event name is longer than " + limits.maxEventNameLength() + " characters", null);
            return;
        }
        if (message.data().toString().getBytes(StandardCharsets.UTF_8).length > limits.maxEventPayloadBytes()) {
            connection.sendError("Event data is larger than " + limits.maxEventPayloadBytes() + " bytes", null);
            return;
        }
        if (!connection.clientEventLimiter().tryAcquire(System.nanoTime())) {
            connection.metrics().clientEventRateLimited();
            connection.sendError("Client event rejected: more than " + limits.clientEventsPerSecond()
                    + " per second", ErrorCode.CLIENT_EVENT_REJECTED);
            return;
        }
        connection.metrics().clientEvent();
        String userId = connection.presenceUserId(channel);
        adapter.publish(connection.app().id(), OutboundEvent.client(channel, message.event(), message.data(),
                connection.socketId(), userId));
        JsonNode data = message.data();
        events.clientEvent(connection.app(), channel, message.event(),
                data.isTextual() ? data.asText() : data.toString(), connection.socketId(), userId);
    }
}
