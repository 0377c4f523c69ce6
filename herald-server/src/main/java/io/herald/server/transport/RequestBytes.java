package io.herald.server.transport;

import io.herald.server.log.ThrottledLog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-wide budget for HTTP request bodies ({@code request-buffer-limit}). Bodies live in heap
 * buffers allocated here, each counted from allocation until it is released, wherever that happens
 * (answered, queued behind another request, or dropped with its socket).
 * <p>
 * Why the heap: bodies used to stay in the direct buffers they were read into, as slices that each
 * pin a whole read buffer. On JDK 9+ without {@code --add-opens java.base/java.nio}, Netty allocates
 * direct memory through {@code ByteBuffer.allocateDirect}, whose reservation
 * ({@code java.nio.Bits.reserveMemory}) runs {@code System.gc()} and sleeps, on the event loop, once
 * {@code -XX:MaxDirectMemorySize} (by default the heap size) is used up. Half-sent bodies filled it
 * and froze both event loops. Here read buffers are released as soon as their bytes are copied, and
 * a body over the budget is refused before a byte of it is buffered.
 * <p>
 * The last quarter of the budget is kept for bodies of at most {@value #SMALL_BODY} bytes (event
 * triggers are far smaller), so clients holding large half-sent bodies can't refuse every trigger.
 * Thread-safe.
 */
final class RequestBytes {

    private static final Logger log = LoggerFactory.getLogger(RequestBytes.class);
    static final int SMALL_BODY = 64 * 1024;

    private final long limit;
    /** What large bodies may fill, together with everything else held. */
    private final long largeLimit;
    private final AtomicLong held = new AtomicLong();
    private final ThrottledLog overload;

    RequestBytes(long limit) {
        this.limit = limit;
        this.largeLimit = limit - limit / 4;
        this.overload = new ThrottledLog(log, "Refusing HTTP request bodies with 503 (request-buffer-limit " + limit + " bytes)");
    }

    /**
     * A heap buffer of exactly {@code capacity} bytes that gives them back when released, or
     * {@code null} when the node holds too many request bytes to take them (logged, see {@link ThrottledLog}).
     */
    ByteBuf tryAllocate(int capacity) {
        long now = held.addAndGet(capacity);
        if (now > (capacity <= SMALL_BODY ? limit : largeLimit)) {
            held.addAndGet(-capacity);
            overload.occurred((now - capacity) + " bytes of request bodies held, " + capacity + " more asked");
            return null;
        }
        return new CountedBuffer(capacity);
    }

    /** Bytes of request bodies held now. */
    long held() {
        return held.get();
    }

    /** Bodies refused since the server started. */
    long refused() {
        return overload.total();
    }

    private void giveBack(int capacity) {
        held.addAndGet(-capacity);
    }

    /** A fixed-size heap buffer whose bytes return to the budget when its last reference is released. */
    private final class CountedBuffer extends UnpooledHeapByteBuf {

        private final int counted;

        CountedBuffer(int capacity) {
            super(UnpooledByteBufAllocator.DEFAULT, capacity, capacity);
            this.counted = capacity;
        }

        @Override
        protected void deallocate() {
            super.deallocate();
            giveBack(counted);
        }
    }
}
