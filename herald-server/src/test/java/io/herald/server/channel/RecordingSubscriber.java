package io.herald.server.channel;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;

/** A {@link Subscriber} that keeps the text of every frame it is sent and releases the frame, as a socket would. */
final class RecordingSubscriber implements Subscriber {

    private final String socketId;
    private final List<String> received = new ArrayList<>();

    RecordingSubscriber(String socketId) {
        this.socketId = socketId;
    }

    @Override
    public String socketId() {
        return socketId;
    }

    @Override
    public synchronized void send(TextWebSocketFrame frame) {
        try {
            received.add(frame.text());
        } finally {
            frame.release();
        }
    }

    synchronized List<String> received() {
        return List.copyOf(received);
    }
}
