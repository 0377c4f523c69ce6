package io.herald.push.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When to try a delivery again: after the push service's {@code Retry-After} when it gives one,
 * otherwise after a backoff that doubles with each attempt; never later than an hour.
 */
final class RetryPolicy {

    static final Duration MAX_DELAY = Duration.ofHours(1);

    private final Duration backoff;

    RetryPolicy(Duration backoff) {
        this.backoff = backoff;
    }

    /**
     * @param attempts tries so far (1 after the first)
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @return the delay in milliseconds
     */
    long delayMillis(int attempts, String retryAfter, long nowMillis) {
        Long requested = retryAfter == null ? null : parse(retryAfter.trim(), nowMillis);
        long delay = requested != null ? requested
                : backoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Math.max(0, Math.min(delay, MAX_DELAY.toMillis()));
    }

    /** Seconds, or an HTTP date. */
    private static Long parse(String value, long nowMillis) {
        try {
            return Long.parseLong(value) * 1000;
        } catch (NumberFormatException e) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                        - nowMillis;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
