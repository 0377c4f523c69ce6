package io.herald.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.client.internal.ReconnectPolicy.Action;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void mapsCloseCodeRangesToActions() {
        assertThat(ReconnectPolicy.actionFor(4000)).isEqualTo(Action.FAIL);
        assertThat(ReconnectPolicy.actionFor(4001)).isEqualTo(Action.FAIL);
        assertThat(ReconnectPolicy.actionFor(4099)).isEqualTo(Action.FAIL);
        assertThat(ReconnectPolicy.actionFor(4100)).isEqualTo(Action.BACKOFF);
        assertThat(ReconnectPolicy.actionFor(4199)).isEqualTo(Action.BACKOFF);
        assertThat(ReconnectPolicy.actionFor(4200)).isEqualTo(Action.IMMEDIATE);
        assertThat(ReconnectPolicy.actionFor(4201)).isEqualTo(Action.IMMEDIATE);
        assertThat(ReconnectPolicy.actionFor(4299)).isEqualTo(Action.IMMEDIATE);
        assertThat(ReconnectPolicy.actionFor(1006)).isEqualTo(Action.BACKOFF);
        assertThat(ReconnectPolicy.actionFor(1001)).isEqualTo(Action.BACKOFF);
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 50; i++) {
            assertThat(policy.backoff(0).toMillis()).isBetween(50L, 100L);
            assertThat(policy.backoff(2).toMillis()).isBetween(200L, 400L);
            assertThat(policy.backoff(30).toMillis()).isBetween(500L, 1000L);
        }
    }

    @Test
    void backoffIsRandomisedSoClientsDoNotReturnInLockstep() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> policy.backoff(3)).distinct().count())
                .isGreaterThan(1);
    }
}
