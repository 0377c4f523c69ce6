package io.herald.bench;

import io.herald.protocol.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the bench's time options with herald-protocol's {@link Durations} grammar: {@code 90s}, {@code 30m}, or bare seconds. */
final class DurationOption implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
