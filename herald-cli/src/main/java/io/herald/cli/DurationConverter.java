package io.herald.cli;

import io.herald.protocol.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive duration in herald-protocol's {@link Durations} grammar: {@code 500ms}, {@code 5s}, {@code 7d}, {@code PT5S}, or bare seconds. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (duration.isZero()) {
            throw new TypeConversionException("'" + value + "' must be positive");
        }
        return duration;
    }
}
