package io.herald.server.channel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Subscriber} on the calling thread that decodes every frame it is written as a client
 * would (from its own reference, as a socket keeps one) and keeps its text once flushed.
 */
public final class RecordingSubscriber implements Subscriber {

    private final String socketId;
    private final EventExecutor executor;
    private final EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 65536));
    private final List<String> received = new ArrayList<>();
    private boolean unflushed;
    private int flushes;
    private int writesOffItsLoop;

    public RecordingSubscriber(String socketId) {
        this(socketId, ImmediateEventExecutor.INSTANCE);
    }

    public RecordingSubscriber(String socketId, EventExecutor executor) {
        this.socketId = socketId;
        this.executor = executor;
    }

    @Override
    public String socketId() {
        return socketId;
    }

    @Override
    public EventExecutor executor() {
        return executor;
    }

    @Override
    public synchronized boolean write(ByteBuf turnBuffer, int offset, int length) {
        if (!executor.inEventLoop()) {
            writesOffItsLoop++;
        }
        client.writeInbound(turnBuffer.retainedSlice(offset, length));
        boolean first = !unflushed;
        unflushed = true;
        return first;
    }

    @Override
    public synchronized void flush() {
        unflushed = false;
        flushes++;
        for (TextWebSocketFrame frame; (frame = client.readInbound()) != null; ) {
            received.add(frame.text());
            frame.release();
        }
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized int writesOffItsLoop() {
        return writesOffItsLoop;
    }

    public synchronized List<String> received() {
        return List.copyOf(received);
    }
}
