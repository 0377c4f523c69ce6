package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.metrics.MessageCounts;
import org.junit.jupiter.api.Test;

/** The form a node's message figures take in Redis, and what a node does with a form it can't read. */
class SharedActivityTest {

    @Test
    void countsReadBackAsWritten() {
        MessageCounts counts = new MessageCounts(12_345_678_901L, 42, 17.5, 0.25);

        assertThat(SharedActivity.decode(SharedActivity.encode(counts))).contains(counts);
    }

    @Test
    void aValueInAnotherFormIsLeftOutRatherThanFailingTheHeartbeat() {
        assertThat(SharedActivity.decode("12")).isEmpty();
        assertThat(SharedActivity.decode("1 2 3")).isEmpty();
        assertThat(SharedActivity.decode("1 2 x 4")).isEmpty();
        assertThat(SharedActivity.decode("1 2 3 4 5")).isEmpty();
        assertThat(SharedActivity.count("7")).contains(7);
        assertThat(SharedActivity.count("7 connections")).isEmpty();
    }
}
