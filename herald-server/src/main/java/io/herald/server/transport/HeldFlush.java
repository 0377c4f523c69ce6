package io.herald.server.transport;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import java.util.function.Supplier;

/**
 * Holds back the flushes of a write made through it, so what it wrote waits in the socket's outbound
 * buffer and leaves with whatever the next flush sends. The WebSocket handshaker writes its 101 with
 * a flush of its own; held, the 101 and {@code pusher:connection_established} reach the client in
 * one send system call instead of two, which the client then reads at once.
 */
@Sharable
final class HeldFlush extends ChannelOutboundHandlerAdapter {

    private static final HeldFlush INSTANCE = new HeldFlush();

    private HeldFlush() {
    }

    /** Runs {@code write} with the pipeline's flushes held; the next flush after it sends them. */
    static ChannelFuture around(ChannelPipeline pipeline, Supplier<ChannelFuture> write) {
        pipeline.addFirst(INSTANCE); // nearest the socket: TLS records wait too
        try {
            return write.get();
        } finally {
            pipeline.remove(INSTANCE);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        // held: the next flush, made once this handler is gone, sends what is buffered
    }
}
