package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.app.App;
import io.herald.server.metrics.AppMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection#write}: fan-out frames wait for the loop's end-of-turn flush, unless they pile up
 * past half the outbound limit first; then they go at once, so a burst larger than the limit never
 * turns a socket unwritable (which closes it with 4100) before it had a chance to send.
 */
class ConnectionFanOutWriteTest {

    private static final int LIMIT = 2048;

    private final EmbeddedChannel socket = new EmbeddedChannel();
    private final Connection connection;

    ConnectionFanOutWriteTest() {
        socket.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LIMIT / 2, LIMIT));
        App app = App.of("app-1", "key-1", "secret-1");
        connection = new Connection("1.1", app, socket, AppMetrics.detached(app.id()));
    }

    @Test
    void framesWaitForTheFlushWhileUnderHalfTheLimit() {
        assertThat(connection.write(Unpooled.wrappedBuffer(new byte[400]))).as("first write: flush me later").isTrue();
        assertThat(connection.write(Unpooled.wrappedBuffer(new byte[400]))).as("already waiting for the flush").isFalse();

        assertThat(socket.outboundMessages()).isEmpty();
        connection.flush();
        assertThat(socket.outboundMessages()).hasSize(2);
    }

    @Test
    void framesPastHalfTheLimitAreSentAtOnceAndTheSocketStaysWritable() {
        for (int i = 0; i < 10; i++) { // 6,000 bytes in one turn: three times the limit
            connection.write(Unpooled.wrappedBuffer(new byte[600]));
            assertThat(socket.isWritable()).as("writable after frame %d", i).isTrue();
        }

        assertThat(socket.outboundMessages()).hasSizeGreaterThanOrEqualTo(8);
    }
}
