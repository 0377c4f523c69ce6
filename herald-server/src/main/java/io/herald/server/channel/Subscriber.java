package io.herald.server.channel;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** What a channel needs of a connection: its socket id and a way to hand it a frame. */
public interface Subscriber {

    String socketId();

    /**
     * Queues {@code frame} for this subscriber and takes over one reference to it. Safe to call from
     * any thread; never blocks.
     */
    void send(TextWebSocketFrame frame);
}
