package io.herald.bench;

import io.netty.buffer.ByteBuf;

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

    /**
     * Index just past {@code "hb|} in the {@code length} bytes of {@code frame} from {@code index}, or -1
     * if they carry no benchmark event. Looks for the '|' first, which Netty scans for a word at a time.
     */
    static int find(ByteBuf frame, int index, int length) {
        int end = index + length;
        for (int bar = frame.indexOf(index + MARK.length() - 1, end, (byte) '|'); bar >= 0;
             bar = frame.indexOf(bar + 1, end, (byte) '|')) {
            if (frame.getByte(bar - 1) == 'b' && frame.getByte(bar - 2) == 'h' && frame.getByte(bar - 3) == '"') {
                return bar + 1;
            }
        }
        return -1;
    }

    /** The sequence number that starts at {@code from} (as returned by {@link #find}). */
    static int seq(ByteBuf frame, int from) {
        return (int) number(frame, from);
    }

    /** The publish time that follows the sequence number starting at {@code from}. */
    static long nanos(ByteBuf frame, int from) {
        return number(frame, frame.indexOf(from, frame.writerIndex(), (byte) '|') + 1);
    }

    private static long number(ByteBuf frame, int from) {
        long value = 0;
        boolean negative = frame.getByte(from) == '-';
        for (int i = negative ? from + 1 : from; i < frame.writerIndex(); i++) {
            byte c = frame.getByte(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }
}
