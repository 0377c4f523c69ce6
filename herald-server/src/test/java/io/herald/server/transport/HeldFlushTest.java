package io.herald.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class HeldFlushTest {

    private final EmbeddedChannel socket = new EmbeddedChannel();

    @Test
    void aWriteMadeThroughItWaitsForTheNextFlush() {
        HeldFlush.around(socket.pipeline(), () -> socket.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1})));
        assertThat(socket.outboundMessages()).as("held").isEmpty();
        assertThat(socket.pipeline().get(HeldFlush.class)).as("gone once the write is made").isNull();

        socket.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {2}));
        assertThat(socket.outboundMessages()).as("both leave with the next flush").hasSize(2);
        socket.finishAndReleaseAll();
    }
}
