package io.herald.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One console's queue in memory: bounded whatever arrives, drained only while the socket takes it. */
class ConsoleWatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> written(EmbeddedChannel socket) throws Exception {
        List<JsonNode> frames = new ArrayList<>();
        for (Object frame; (frame = socket.readOutbound()) != null; ) {
            TextWebSocketFrame text = (TextWebSocketFrame) frame;
            frames.add(JSON.readTree(text.text()));
            text.release();
        }
        return frames;
    }

    @Test
    void aFullQueueSkipsAndTheNextDrainSaysHowMany() throws Exception {
        EmbeddedChannel socket = new EmbeddedChannel();
        // not writable until flushed: nothing drains while the entries arrive
        socket.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
        socket.write(new TextWebSocketFrame("{\"type\":\"filler\"}"));
        assertThat(socket.isWritable()).isFalse();
        ConsoleWatcher watcher = new ConsoleWatcher("app", socket, 3);

        for (int i = 0; i < 10; i++) {
            watcher.offer("{\"type\":\"api_event\",\"n\":" + i + "}");
        }
        socket.runPendingTasks();
        assertThat(watcher.queued()).isEqualTo(3);

        socket.flush();
        assertThat(written(socket)).hasSize(1); // the frame that filled the buffer
        socket.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1 << 16, 1 << 17));
        watcher.drain();
        List<JsonNode> frames = written(socket);
        assertThat(frames.get(0).path("type").asText()).isEqualTo("skipped");
        assertThat(frames.get(0).path("count").asInt()).isEqualTo(7);
        assertThat(frames.subList(1, frames.size())).extracting(f -> f.path("n").asInt()).containsExactly(0, 1, 2);
        assertThat(watcher.queued()).isZero();
        socket.finishAndReleaseAll();
    }
}
