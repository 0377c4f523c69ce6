package io.herald.server.metrics;

/**
 * An app's messages: totals since start ({@code in}: WebSocket messages from clients and HTTP API
 * calls; {@code out}: messages written to clients) and rates per second, of one node or summed over
 * several.
 */
public record MessageCounts(long in, long out, double inPerSecond, double outPerSecond) {

    public static final MessageCounts NONE = new MessageCounts(0, 0, 0, 0);

    public MessageCounts plus(MessageCounts other) {
        return new MessageCounts(in + other.in, out + other.out,
                inPerSecond + other.inPerSecond, outPerSecond + other.outPerSecond);
    }
}
