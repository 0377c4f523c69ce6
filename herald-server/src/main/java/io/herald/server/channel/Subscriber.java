package io.herald.server.channel;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

/**
 * What a channel needs of a connection: its socket id, the event loop that owns its socket, and a
 * way to queue encoded frames there and flush them later, so fan-out can batch a loop's writes.
 */
public interface Subscriber {

    String socketId();

    /** The event loop that owns the socket; {@link #write} and {@link #flush} run only there. */
    EventExecutor executor();

    /**
     * Queues the complete WebSocket frame (header included, see {@code Frames.wire}) at bytes
     * {@code [offset, offset + length)} of {@code buffer}, without flushing. The caller keeps the buffer
     * alive and its bytes unchanged until this subscriber's next {@link #flush}; the subscriber retains
     * what it still holds after that. Fan-out passes its loop's turn buffer, where the frames of one turn
     * lie one after another, so a subscriber that gets a run of them can send the run as one slice.
     *
     * @return true when this is the first write since the last {@link #flush}: the caller must then
     *     make sure {@link #flush} is called
     */
    boolean write(ByteBuf buffer, int offset, int length);

    /** Sends what {@link #write} queued. */
    void flush();
}
