package io.herald.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Backoff doubles per attempt, a push service's Retry-After (seconds or a date) wins, an hour at most. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1));

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(policy.delayMillis(1, null, 0)).isEqualTo(1000);
        assertThat(policy.delayMillis(3, null, 0)).isEqualTo(4000);
        assertThat(policy.delayMillis(40, null, 0)).isEqualTo(RetryPolicy.MAX_DELAY.toMillis());
    }

    @Test
    void retryAfterWinsInSecondsOrAsADate() {
        assertThat(policy.delayMillis(1, "7", 0)).isEqualTo(7000);
        long now = 1_700_000_000_000L;
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now + 120_000), ZoneOffset.UTC));
        assertThat(policy.delayMillis(1, inTwoMinutes, now)).isEqualTo(120_000);
        assertThat(policy.delayMillis(1, "999999", 0)).isEqualTo(RetryPolicy.MAX_DELAY.toMillis());
        assertThat(policy.delayMillis(2, "soon", 0)).as("unreadable: the backoff").isEqualTo(2000);
    }
}
