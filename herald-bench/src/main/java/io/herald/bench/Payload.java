package io.herald.bench;

/**
 * The data of a benchmark event: {@code hb|<seq>|<nanoTime at publish>|xxx…}, padded to the requested
 * size. Plain characters only, so servers relay it unescaped and a receiver finds it with one scan.
 * {@link System#nanoTime()} is one clock for every process on a Linux host (CLOCK_MONOTONIC), which
 * is why publisher and workers must run on the same host for latencies to mean anything.
 */
public final class Payload {

    static final String MARK = "\"hb|";

    private Payload() {
    }

    /** Data of at least {@code size} characters for event {@code seq} published at {@code nanos}. */
    public static String encode(int seq, long nanos, int size) {
        StringBuilder sb = new StringBuilder(Math.max(size, 32)).append("hb|").append(seq).append('|').append(nanos).append('|');
        while (sb.length() < size) {
            sb.append('x');
        }
        return sb.toString();
    }

    /** Index just past {@code "hb|} in a received frame, or -1 if it carries no benchmark event. */
    static int find(String frame) {
        int i = frame.indexOf(MARK);
        return i < 0 ? -1 : i + MARK.length();
    }

    /** The sequence number that starts at {@code from} (as returned by {@link #find}). */
    static int seq(String frame, int from) {
        return (int) number(frame, from);
    }

    /** The publish time that follows the sequence number starting at {@code from}. */
    static long nanos(String frame, int from) {
        return number(frame, frame.indexOf('|', from) + 1);
    }

    private static long number(String s, int from) {
        long value = 0;
        boolean negative = s.charAt(from) == '-';
        for (int i = negative ? from + 1 : from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }
}
