package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.channel.PresenceMember;
import io.herald.server.channel.Subscriber;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PresenceViews} hands each member change to a subscriber's loop and lets go of the frame
 * once the subscriber has written and flushed it: a frame per change per subscriber, never kept.
 */
class PresenceViewsTest {

    private final PresenceViews views = new PresenceViews();
    private final FrameKeeper subscriber = new FrameKeeper();

    @Test
    void aChangeThatWaitedForTheListAndOneAfterItAreSentAndReleased() {
        PresenceViews.View view = views.open("app-1", "presence-room", subscriber, "listener");
        views.announce("app-1", "presence-room", member("early"), true, 2); // waits for the list
        views.listed(view, 1, () -> { });
        views.announce("app-1", "presence-room", member("late"), false, 3);

        assertThat(subscriber.texts).hasSize(2);
        assertThat(subscriber.texts.get(0)).contains("pusher_internal:member_added").contains("early");
        assertThat(subscriber.texts.get(1)).contains("pusher_internal:member_removed").contains("late");
        assertThat(subscriber.frames).as("every frame released once sent").allSatisfy(
                frame -> assertThat(frame.refCnt()).isZero());
    }

    private static PresenceMember member(String userId) {
        return new PresenceMember(userId, JsonNodeFactory.instance.objectNode());
    }

    /** A subscriber on the calling thread that reads each frame as it is written and keeps the buffer to check it. */
    private static final class FrameKeeper implements Subscriber {
        final List<ByteBuf> frames = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        @Override
        public String socketId() {
            return "1.1";
        }

        @Override
        public EventExecutor executor() {
            return ImmediateEventExecutor.INSTANCE;
        }

        @Override
        public boolean write(ByteBuf buffer, int offset, int length) {
            frames.add(buffer);
            texts.add(buffer.toString(offset, length, StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public void flush() {
            // written frames were read at once
        }
    }
}
