package io.herald.jmh;

import io.herald.server.channel.Subscriber;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;

/**
 * A subscriber on the calling thread that only counts its frames: fan-out cost without any socket.
 */
final class FakeSubscriber implements Subscriber {

    private final String socketId;
    long frames;

    FakeSubscriber(int n) {
        this.socketId = "1." + n;
    }

    @Override
    public String socketId() {
        return socketId;
    }

    @Override
    public EventExecutor executor() {
        return ImmediateEventExecutor.INSTANCE;
    }

    @Override
    public boolean write(ByteBuf turnBuffer, int offset, int length) {
        frames++;
        return false;
    }

    @Override
    public void flush() {
        // nothing is held back
    }
}
