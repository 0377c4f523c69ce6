package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HalfwayMarkTest {

    @Test
    void notesTheMomentTheCountReachesTheMarkAndMeasuresCpuFromThere() throws Exception {
        AtomicLong count = new AtomicLong();
        try (HalfwayMark mark = new HalfwayMark(count::get, 10, ProcessHandle.current().pid())) {
            Thread.sleep(120);
            assertThat(mark.reachedAt()).isEmpty();
            assertThat(mark.cpu()).isNull();

            long before = System.nanoTime();
            count.set(10);
            awaitMark(mark);

            assertThat(mark.reachedAt().getAsLong()).isGreaterThanOrEqualTo(before);
            Report report = new Report("test");
            mark.cpu().finish(report, "second_half");
            assertThat(((Number) report.get("cpu.second_half.server_percent")).doubleValue()).isNotNegative();
            assertThat(((Number) report.get("cpu.second_half.loadgen_percent")).doubleValue()).isNotNegative();
        }
    }

    private static void awaitMark(HalfwayMark mark) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (mark.reachedAt().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
