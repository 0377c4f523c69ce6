package io.herald.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraceTimersTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void aDelayedActionRunsAfterTheGrace() throws Exception {
        GraceTimers grace = new GraceTimers(timers, Duration.ofMillis(50));

        grace.delay("k", () -> ran.add("vacated"));

        assertThat(ran).isEmpty();
        awaitTimers();
        assertThat(ran).containsExactly("vacated");
    }

    @Test
    void aCancelWithinTheGraceDropsTheActionAndSaysSo() throws Exception {
        GraceTimers grace = new GraceTimers(timers, Duration.ofMillis(50));
        grace.delay("k", () -> ran.add("vacated"));

        assertThat(grace.cancel("k")).isTrue();
        assertThat(grace.cancel("k")).isFalse();
        assertThat(grace.cancel("other")).isFalse();
        awaitTimers();
        assertThat(ran).isEmpty();
    }

    @Test
    void flushRunsWhatIsPendingAtOnceAndOnlyOnce() throws Exception {
        GraceTimers grace = new GraceTimers(timers, Duration.ofMillis(50));
        grace.delay("a", () -> ran.add("a"));
        grace.delay("b", () -> ran.add("b"));

        grace.flush();

        assertThat(ran).containsExactlyInAnyOrder("a", "b");
        awaitTimers();
        assertThat(ran).hasSize(2);
    }

    /** Waits until every timer due within the grace has run (the executor runs tasks in order). */
    private void awaitTimers() throws Exception {
        timers.schedule(() -> { }, 150, TimeUnit.MILLISECONDS).get();
    }
}
