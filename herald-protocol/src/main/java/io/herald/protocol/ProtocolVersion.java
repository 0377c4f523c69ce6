package io.herald.protocol;

/**
 * The {@code protocol} query parameter of a WebSocket connection. Versions 5 to 7 are accepted:
 * pusher-js speaks 7, pusher-java-client 2.4 still connects with 5.
 */
public final class ProtocolVersion {

    public static final int MIN = 5;
    public static final int MAX = 7;

    private ProtocolVersion() {
    }

    /** Returns why {@code protocol} can't be served, or {@code null} when it can. */
    public static ProtocolException problem(String protocol) {
        if (protocol == null || protocol.isEmpty()) {
            return ProtocolException.of(ErrorCode.NO_PROTOCOL_VERSION);
        }
        int version;
        try {
            version = Integer.parseInt(protocol);
        } catch (NumberFormatException e) {
            return new ProtocolException(ErrorCode.INVALID_VERSION_FORMAT, "Invalid version string format: " + protocol);
        }
        if (version < MIN || version > MAX) {
            return new ProtocolException(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version " + version + "; supported: " + MIN + " to " + MAX);
        }
        return null;
    }
}
