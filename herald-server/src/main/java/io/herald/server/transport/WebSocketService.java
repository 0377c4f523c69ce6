package io.herald.server.transport;

import io.netty.channel.ChannelHandler;

/**
 * A WebSocket endpoint other than the Pusher protocol's {@code /app/{key}} (the debug console's feed),
 * found by path. After the handshake its handler receives whole frames (aggregated up to
 * {@link #maxFrameSize()}, text checked as UTF-8); it answers pings and closes itself.
 */
public interface WebSocketService {

    /** Whether this service takes WebSocket upgrades for {@code path} (the raw path). */
    boolean handles(String path);

    /** Largest message a client may send. */
    int maxFrameSize();

    /** The handler of one new socket, added once its handshake is written. */
    ChannelHandler newSession();
}
