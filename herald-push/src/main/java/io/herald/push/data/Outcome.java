package io.herald.push.data;

/**
 * How one delivery attempt ended.
 *
 * @param kind what to do with the queue row
 * @param retryAt for {@link Kind#RETRY}: when to try again (epoch ms)
 * @param error what went wrong, for the row and the logs; {@code null} when sent
 */
public record Outcome(Kind kind, long retryAt, String error) {

    /** What an attempt means for the queue. */
    public enum Kind {
        /** The push service accepted it. */
        SENT,
        /** Refused for good, or out of tries. */
        FAILED,
        /** The subscription is gone (404/410) or the device was deleted: the device goes too. */
        GONE,
        /** Try again at {@code retryAt}. */
        RETRY
    }

    public static final Outcome SENT = new Outcome(Kind.SENT, 0, null);

    public static Outcome failed(String error) {
        return new Outcome(Kind.FAILED, 0, error);
    }

    public static Outcome gone(String error) {
        return new Outcome(Kind.GONE, 0, error);
    }

    public static Outcome retry(long at, String error) {
        return new Outcome(Kind.RETRY, at, error);
    }
}
