package io.herald.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerResourcesTest {

    @Test
    void servesSocketsOnAsManyEventLoopsAsTheSettingSays() {
        ServerResources three = new ServerResources(3);
        try {
            assertThat(loops(three)).hasSize(3);
        } finally {
            three.shutdown(Duration.ZERO);
        }
    }

    @Test
    void zeroMeansOneEventLoopPerCore() {
        ServerResources perCore = new ServerResources(0);
        try {
            assertThat(loops(perCore)).hasSize(Runtime.getRuntime().availableProcessors());
        } finally {
            perCore.shutdown(Duration.ZERO);
        }
    }

    private static List<EventExecutor> loops(ServerResources resources) {
        List<EventExecutor> loops = new ArrayList<>();
        resources.workers().forEach(loops::add);
        return loops;
    }
}
