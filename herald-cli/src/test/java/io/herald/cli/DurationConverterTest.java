package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --timeout} and {@code --ttl} read the shared duration grammar; a bare number is seconds, as in the server's settings. */
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsUnitsIsoAndBareSeconds() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("30")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesZeroNegativeAndWordsQuotingTheValue() {
        for (String value : new String[] {"0", "0s", "-5s", "soon"}) {
            assertThatThrownBy(() -> converter.convert(value))
                    .isInstanceOf(TypeConversionException.class).hasMessageContaining("'" + value + "'");
        }
    }
}
