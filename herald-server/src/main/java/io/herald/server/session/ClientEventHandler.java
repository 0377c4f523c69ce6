package io.herald.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ErrorCode;
import io.herald.protocol.Limits;
import io.herald.protocol.ProtocolException;
import io.herald.server.cluster.Adapter;
import io.herald.server.message.ClientMessage;
import io.herald.server.message.OutboundEvent;
import java.nio.charset.StandardCharsets;

/**
 * Relays {@code client-} events to the other subscribers of a private, presence or encrypted channel
 * the sender has joined, adding {@code user_id} on presence channels. A refused event throws
 * {@link ProtocolException}, which the caller reports to the sender. Runs on the sender's event loop.
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
            throw notAllowed("Client events are not enabled for this app");
        }
        if (channel == null) {
            throw ProtocolException.invalidMessage("Client event " + message.event() + " has no channel");
        }
        if (!ChannelName.typeOf(channel).requiresAuthorization()) {
            throw notAllowed("Client events are only allowed on private, presence and encrypted channels");
        }
        if (!connection.isSubscribed(channel)) {
            throw notAllowed("Client event rejected: not subscribed to " + channel);
        }
        if (message.event().length() > limits.maxEventNameLength()) {
            throw ProtocolException.invalidMessage("Event name is longer than " + limits.maxEventNameLength()
                    + " characters");
        }
        if (message.data().toString().getBytes(StandardCharsets.UTF_8).length > limits.maxEventPayloadBytes()) {
            throw ProtocolException.invalidMessage("Event data is larger than " + limits.maxEventPayloadBytes()
                    + " bytes");
        }
        if (!connection.clientEventLimiter().tryAcquire(System.nanoTime())) {
            connection.metrics().clientEventRateLimited();
            throw new ProtocolException(ErrorCode.CLIENT_EVENT_REJECTED,
                    "Client event rejected: more than " + limits.clientEventsPerSecond() + " per second");
        }
        connection.metrics().clientEvent();
        String userId = connection.presenceUserId(channel);
        adapter.publish(connection.app().id(), OutboundEvent.client(channel, message.event(), message.data(),
                connection.socketId(), userId));
        JsonNode data = message.data();
        events.clientEvent(connection.app(), channel, message.event(),
                data.isTextual() ? data.asText() : data.toString(), connection.socketId(), userId);
    }

    /** 4009 for an event the sender may not send: only the event is refused, the connection stays. */
    private static ProtocolException notAllowed(String message) {
        return ProtocolException.reportOnly(ErrorCode.UNAUTHORIZED, message);
    }
}
