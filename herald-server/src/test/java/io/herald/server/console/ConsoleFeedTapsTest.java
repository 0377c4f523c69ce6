package io.herald.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.cluster.Adapter;
import io.herald.server.config.ServerOptions;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed's taps and its cluster relay, with an adapter that records what it is asked to send. */
class ConsoleFeedTapsTest {

    private final List<String> sentToCluster = new CopyOnWriteArrayList<>();
    private final Adapter adapter = (Adapter) Proxy.newProxyInstance(Adapter.class.getClassLoader(),
            new Class<?>[] {Adapter.class}, (proxy, method, args) -> {
                if (method.getName().equals("publishConsoleEntry") || method.getName().equals("announceConsoleWatch")) {
                    sentToCluster.add(method.getName() + " " + args[0]);
                }
                return null;
            });
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ConsoleFeed feed = new ConsoleFeed(ServerOptions.builder().build(), adapter, timers);

    @AfterEach
    void stop() {
        feed.close();
        timers.shutdownNow();
    }

    @Test
    void withNobodyWatchingTapsAreOffAndNothingGoesToTheCluster() {
        feed.apiEvent("app", "c", "e", "{}", null);
        feed.connectionOpened("app", "1.1", null, "127.0.0.1");
        assertThat(feed.active()).isFalse();
        assertThat(sentToCluster).isEmpty();
    }

    @Test
    void aWatchOnAnotherNodeSendsThatAppsEntriesOnlyToTheCluster() {
        feed.watchedElsewhere("watched");
        feed.apiEvent("watched", "c", "e", "{}", null);
        feed.apiEvent("unwatched", "c", "e", "{}", null);
        assertThat(sentToCluster).hasSize(1).allMatch(s -> s.startsWith("publishConsoleEntry watched"));
    }

    @Test
    void aConsoleHereIsAnnouncedAndGetsItsAppsEntriesAndThoseOfOtherNodes() {
        EmbeddedChannel socket = new EmbeddedChannel();
        ConsoleWatcher watcher = feed.watch("watched", socket);
        assertThat(sentToCluster).containsExactly("announceConsoleWatch watched");
        feed.subscribed("watched", "1.1", "room");
        feed.subscribed("other", "2.2", "room");
        feed.entryFromElsewhere("watched", "{\"type\":\"connection_opened\"}");
        socket.runPendingTasks();
        TextWebSocketFrame first = socket.readOutbound();
        TextWebSocketFrame second = socket.readOutbound();
        assertThat(first.text()).contains("\"subscribed\"").contains("1.1");
        assertThat(second.text()).isEqualTo("{\"type\":\"connection_opened\"}");
        assertThat((Object) socket.readOutbound()).isNull();
        first.release();
        second.release();
        feed.unwatch(watcher);
        assertThat(feed.watchers()).isZero();
        socket.finishAndReleaseAll();
    }
}
