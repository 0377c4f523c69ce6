package io.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

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

    /**
     * Reads the sequence number and publish time that follow {@code "hb|} in one pass of
     * {@link ByteBuf#forEachByte}, which checks the bounds once, not per byte: the workers run C1 code,
     * which keeps every check of {@link ByteBuf#getByte}, and reading the two numbers a byte at a time
     * took 45 % of a worker's CPU. Reused by one thread.
     */
    static final class Reader implements ByteProcessor {

        private int field;
        private int digits;
        private boolean negative;
        private long value;
        private long seq;
        private long nanos;

        /**
         * Reads the numbers from {@code from} (as returned by {@link #find}) up to {@code end}.
         *
         * @return whether both were there
         */
        boolean read(ByteBuf frame, int from, int end) {
            field = 0;
            startNumber();
            frame.forEachByte(from, end - from, this);
            if (field == 1 && digits > 0) {
                endNumber();
            }
            return field == 2;
        }

        int seq() {
            return (int) seq;
        }

        long nanos() {
            return nanos;
        }

        @Override
        public boolean process(byte c) {
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
                return true;
            }
            if (c == '-' && digits == 0 && !negative) {
                negative = true;
                return true;
            }
            if (c == '|' && digits > 0) {
                endNumber();
                startNumber();
                return field < 2;
            }
            return false;
        }

        private void startNumber() {
            digits = 0;
            negative = false;
            value = 0;
        }

        private void endNumber() {
            long number = negative ? -value : value;
            if (field++ == 0) {
                seq = number;
            } else {
                nanos = number;
            }
        }
    }
}
