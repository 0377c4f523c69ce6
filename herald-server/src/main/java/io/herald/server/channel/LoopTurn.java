package io.herald.server.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one event loop's turn has queued for its sockets: the fan-out frames, copied once into the
 * turn's buffers for every subscriber of the loop, and the subscribers to flush when the turn ends.
 * A burst of events that lands in the loop's queue together reaches each socket in one write system
 * call, and a subscriber that gets all of the turn's frames sends them as one slice of a buffer that
 * every such subscriber shares, as the minimal uWebSockets server sends one buffer per topic.
 */
final class LoopTurn implements Runnable {

    /** A turn buffer's capacity: room for a few dozen small events; a larger frame gets one of its own size. */
    static final int BUFFER_BYTES = 8192;

    private static final FastThreadLocal<LoopTurn> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected LoopTurn initialValue() {
            return new LoopTurn();
        }
    };

    private final List<Subscriber> subscribers = new ArrayList<>();
    /** This turn's frames; the last one takes the next. Released once the turn's flushes have run. */
    private final List<ByteBuf> buffers = new ArrayList<>(2);
    private boolean scheduled;

    /** The calling event loop's turn. */
    static LoopTurn current() {
        return PER_THREAD.get();
    }

    /**
     * Copies {@code wireFrame}'s readable bytes behind the turn's earlier frames and returns the buffer
     * they are in, starting at its writer index as it was before the call. Its bytes never change:
     * subscribers keep offsets into it until their flush, and retain slices of what they send.
     */
    ByteBuf append(ByteBuf wireFrame) {
        int length = wireFrame.readableBytes();
        ByteBuf buffer = buffers.isEmpty() ? null : buffers.get(buffers.size() - 1);
        if (buffer == null || buffer.writableBytes() < length) {
            int capacity = Math.max(BUFFER_BYTES, length);
            buffer = ByteBufAllocator.DEFAULT.directBuffer(capacity, capacity); // never grows: offsets stay valid
            buffers.add(buffer);
        }
        buffer.writeBytes(wireFrame, wireFrame.readerIndex(), length);
        return buffer;
    }

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Schedules the end of the turn on {@code loop} (the calling thread's) unless it is scheduled
     * already: after every task the loop runs in its current turn, so all the events that reach it in
     * one turn share each socket's write; a loop of another kind gets a task queued.
     */
    void endLater(EventExecutor loop) {
        if (!scheduled && !(subscribers.isEmpty() && buffers.isEmpty())) {
            scheduled = true;
            if (loop instanceof SingleThreadIoEventLoop eventLoop) { // runs end-of-turn tasks after its tasks
                eventLoop.executeAfterEventLoopIteration(this);
            } else {
                loop.execute(this);
            }
        }
    }

    /** Flushes the turn's subscribers, then lets go of its buffers (what is still unsent holds slices). */
    @Override
    public void run() {
        scheduled = false;
        // Indexed: flushing never adds here, and this avoids an iterator per turn.
        for (int i = 0; i < subscribers.size(); i++) {
            subscribers.get(i).flush();
        }
        subscribers.clear();
        for (int i = 0; i < buffers.size(); i++) {
            buffers.get(i).release();
        }
        buffers.clear();
    }
}
