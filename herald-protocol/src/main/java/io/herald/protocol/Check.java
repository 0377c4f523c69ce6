package io.herald.protocol;

import java.time.Duration;
import java.util.function.Function;

/** Argument checks with one message format: "{@code name} must be …, was …". */
public final class Check {

    private Check() {
    }

    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** A duration longer than zero; {@code null} is refused too. */
    public static Duration positive(Duration value, String name) {
        return positive(value, name, IllegalArgumentException::new);
    }

    /**
     * A duration longer than zero, failing with the exception {@code failure} makes of the message, for
     * callers whose API promises their own exception type.
     */
    public static Duration positive(Duration value, String name, Function<String, ? extends RuntimeException> failure) {
        if (value == null) {
            throw failure.apply(name + " must not be null");
        }
        if (value.isNegative() || value.isZero()) {
            throw failure.apply(name + " must be positive, was " + value);
        }
        return value;
    }

    /** A duration of zero or more; {@code null} is refused. */
    public static Duration notNegative(Duration value, String name) {
        if (notNull(value, name).isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
        }
        return value;
    }

    public static String notBlank(String value, String name) {
        return notBlank(value, name, IllegalArgumentException::new);
    }

    /** A string with a non-blank character, failing with the exception {@code failure} makes of the message. */
    public static String notBlank(String value, String name, Function<String, ? extends RuntimeException> failure) {
        if (value == null || value.isBlank()) {
            throw failure.apply(name + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    public static <T> T notNull(T value, String name) {
        return notNull(value, name, IllegalArgumentException::new);
    }

    /** A value that is there, failing with the exception {@code failure} makes of the message. */
    public static <T> T notNull(T value, String name, Function<String, ? extends RuntimeException> failure) {
        if (value == null) {
            throw failure.apply(name + " must not be null");
        }
        return value;
    }
}
