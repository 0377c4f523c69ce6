package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aPositiveDurationPasses() {
        assertThat(Check.positive(Duration.ofMillis(1), "timeout")).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void aZeroNegativeOrMissingDurationIsRefusedByName() {
        assertThatThrownBy(() -> Check.positive(Duration.ZERO, "timeout"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive, was PT0S");
        assertThatThrownBy(() -> Check.positive(Duration.ofSeconds(-1), "timeout"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive, was PT-1S");
        assertThatThrownBy(() -> Check.positive((Duration) null, "timeout"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must not be null");
    }

    @Test
    void aCallerMayChooseTheExceptionType() {
        assertThatThrownBy(() -> Check.positive(Duration.ZERO, "timeout", IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("timeout must be positive, was PT0S");
        assertThatThrownBy(() -> Check.notNull(null, "channel", IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("channel must not be null");
        assertThatThrownBy(() -> Check.notBlank(" ", "key", IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessage("key must not be blank, was ' '");
    }

    @Test
    void missingOrBlankValuesAreIllegalArgumentsUnlessTheCallerChoosesAnother() {
        assertThatThrownBy(() -> Check.notNull(null, "channel"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("channel must not be null");
        assertThatThrownBy(() -> Check.notBlank(null, "key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be blank, was null");
        assertThat(Check.notBlank("k", "key")).isEqualTo("k");
    }
}
