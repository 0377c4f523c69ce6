package io.herald.jmh;

import io.herald.server.channel.Subscriber;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** A subscriber that takes its frame and releases it at once: fan-out cost without any socket. */
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
    public void send(TextWebSocketFrame frame) {
        frames++;
        frame.release();
    }
}
