package io.herald.server.user;

import io.herald.server.channel.Subscriber;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** What user bookkeeping needs of a signed-in connection: send it frames, or end it. */
public interface UserConnection extends Subscriber {

    /** Queues {@code frame} and flushes it, taking over one reference. Any thread; never blocks. */
    void send(TextWebSocketFrame frame);

    /** Closes the connection because the app asked to terminate the user's connections. Any thread. */
    void terminate();
}
