package io.herald.protocol;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Herald reads a duration written as text, in server settings, SDK environment
 * variables, command-line flags and the bench: a whole number with a unit, {@code ms}, {@code s},
 * {@code m}, {@code h} or {@code d} ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d};
 * a space before the unit is allowed), or ISO-8601 ({@code PT5S}, {@code PT1M30S}, {@code P1D}). A
 * bare whole number is seconds. Negative durations are refused; whether zero is allowed is the
 * caller's rule.
 */
public final class Durations {

    /** The grammar in a few words, for error messages and help texts. */
    public static final String GRAMMAR = "a whole number with ms, s, m, h or d (250ms, 30s, 5m, 7d), ISO-8601 (PT5S), "
            + "or a bare number of seconds";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /** {@code text} read with the grammar above; a bare number is seconds. */
    public static Duration parse(String text) {
        return parse(text, ChronoUnit.SECONDS);
    }

    /**
     * {@code text} read with the grammar above, except that a bare number counts in
     * {@code bareNumberUnit}: only for settings whose bare number was documented in another unit
     * before this grammar existed (the SDK's {@code PUSHER_TIMEOUT}, milliseconds).
     *
     * @throws IllegalArgumentException with a message that quotes {@code text} and states the grammar
     */
    public static Duration parse(String text, ChronoUnit bareNumberUnit) {
        String value = text == null ? "" : text.trim();
        Duration duration;
        try {
            Matcher m = WITH_UNIT.matcher(value);
            duration = m.matches() ? of(Long.parseLong(m.group(1)), m.group(2), bareNumberUnit) : Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use " + GRAMMAR);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; a duration must be zero or more");
        }
        return duration;
    }

    /**
     * {@code duration} written in the grammar above with the largest unit that states it exactly
     * ({@code 30m}, {@code 250ms}, {@code 0s}), as help texts and the example configuration show it;
     * ISO-8601 below a millisecond.
     */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toNanosPart() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static Duration of(long amount, String unit, ChronoUnit bareNumberUnit) {
        if (unit == null) {
            return Duration.of(amount, bareNumberUnit);
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
