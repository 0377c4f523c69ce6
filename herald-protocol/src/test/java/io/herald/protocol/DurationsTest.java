package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms, 250", "30s, 30000", "5m, 300000", "1h, 3600000", "7d, 604800000", "'250 ms', 250",
            "' 3s ', 3000", "PT5S, 5000", "PT1M30S, 90000", "P1D, 86400000", "pt0.5s, 500", "0, 0", "0ms, 0"})
    void readsUnitsAndIsoInMilliseconds(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void aBareNumberIsSeconds() {
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBareNumberCountsInTheGivenUnitOnlyWhereAskedAndUnitsStillWin() {
        assertThat(Durations.parse("2500", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMillis(2500));
        assertThat(Durations.parse("5s", ChronoUnit.MILLIS)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("PT1M", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "1.5s", "3 weeks", "5S", "5sec", "s", "-", "99999999999999999999s", "9223372036854775807d"})
    void refusesAnythingElseQuotingItAndNamingTheGrammar(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(Durations.GRAMMAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "-5", "PT-5S"})
    void refusesNegativeDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "250, 250ms", "1000, 1s", "90000, 90s", "300000, 5m", "1800000, 30m", "7200000, 2h",
            "604800000, 7d", "1500, 1500ms"})
    void formatsWithTheLargestExactUnitAndReadsBack(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void formatsBelowAMillisecondInIso() {
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
    }
}
