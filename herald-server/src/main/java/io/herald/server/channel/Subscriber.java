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
     * Queues a complete WebSocket frame (header included, see {@code Frames.wire}) without flushing;
     * the caller keeps its reference (the subscriber copies or retains what it queues).
     *
     * @return true when this is the first write since the last {@link #flush}: the caller must then
     *     make sure {@link #flush} is called
     */
    boolean write(ByteBuf wireFrame);

    /** Sends what {@link #write} queued. */
    void flush();
}
