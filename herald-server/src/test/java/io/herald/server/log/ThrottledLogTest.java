package io.herald.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class ThrottledLogTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Logger logger = (Logger) LoggerFactory.getLogger("throttled-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final AtomicLong now = new AtomicLong(1_000);

    @BeforeEach
    void watch() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void unwatch() {
        logger.detachAppender(lines);
    }

    private ThrottledLog throttled(Level level) {
        return new ThrottledLog(logger, level, "Answering with 503: the store failed", MINUTE, now::get);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aThousandFailuresWithinAMinuteWriteOneLineWithTheirCause() {
        ThrottledLog log = throttled(Level.WARN);
        IllegalStateException cause = new IllegalStateException("connection refused");
        for (int i = 0; i < 1000; i++) {
            log.occurred("request " + i, cause);
            advance(Duration.ofMillis(50));
        }

        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.get(0);
        assertThat(line.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(line.getFormattedMessage())
                .isEqualTo("Answering with 503: the store failed: request 0; 1 since the last such line, 1 in all");
        assertThat(line.getThrowableProxy().getMessage()).isEqualTo("connection refused");
        assertThat(log.total()).isEqualTo(1000);
    }

    @Test
    void aFailureThatGoesOnWritesALineAMinuteWithTheCountAndNoFurtherTrace() {
        ThrottledLog log = throttled(Level.WARN);
        IllegalStateException cause = new IllegalStateException("connection refused");
        for (int i = 0; i < 3 * 60 * 10; i++) { // ten a second for three minutes
            log.occurred("request " + i, cause);
            advance(Duration.ofMillis(100));
        }

        assertThat(lines.list).hasSize(3);
        assertThat(lines.list.get(1).getFormattedMessage()).isEqualTo("Answering with 503: the store failed: request 600"
                + " (java.lang.IllegalStateException: connection refused); 600 since the last such line, 601 in all");
        assertThat(lines.list.get(1).getThrowableProxy()).isNull();
        assertThat(lines.list.get(2).getFormattedMessage()).endsWith("; 600 since the last such line, 1201 in all");
    }

    @Test
    void aFailureAfterAQuietMinuteStartsANewRunWithItsTrace() {
        ThrottledLog log = throttled(Level.ERROR);
        log.occurred("first", new IllegalStateException("one"));
        advance(Duration.ofSeconds(61));
        log.occurred("second", new IllegalStateException("two"));

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
        assertThat(lines.list.get(1).getFormattedMessage())
                .isEqualTo("Answering with 503: the store failed: second; 1 since the last such line, 2 in all");
        assertThat(lines.list.get(1).getThrowableProxy().getMessage()).isEqualTo("two");
    }

    @Test
    void occurrencesWithoutACauseAreCountedTheSameWay() {
        ThrottledLog log = throttled(Level.WARN);
        log.occurred("10.0.0.1 holds 100 sockets");
        log.occurred("10.0.0.1 holds 100 sockets");
        advance(MINUTE);
        log.occurred("10.0.0.2 holds 100 sockets");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Answering with 503: the store failed: 10.0.0.1 holds 100 sockets; 1 since the last such line, 1 in all",
                "Answering with 503: the store failed: 10.0.0.2 holds 100 sockets; 2 since the last such line, 3 in all");
    }

    @Test
    void threadsRacingForTheSameMinuteWriteOneLineWithTheCauseAndLoseNoCount() throws Exception {
        ThrottledLog log = new ThrottledLog(logger, "Refusing");
        IllegalStateException cause = new IllegalStateException("store down");
        int threads = 8;
        int each = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    log.occurred("busy", cause);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // The run's first line has the trace whichever thread wrote it (it once went to a line without it).
        assertThat(lines.list).singleElement()
                .satisfies(line -> assertThat(line.getThrowableProxy().getMessage()).isEqualTo("store down"));
        Object[] counts = lines.list.get(0).getArgumentArray();
        assertThat((Long) counts[3]).isBetween(1L, (Long) counts[4]); // since the last line ≤ in all
        assertThat(log.total()).isEqualTo((long) threads * each);
    }
}
