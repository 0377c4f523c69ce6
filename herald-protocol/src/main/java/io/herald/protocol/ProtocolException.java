package io.herald.protocol;

/**
 * A violation of the WebSocket protocol that carries its wire code. One place in the server turns it
 * into a {@code pusher:error} frame, followed by a close frame when {@link #closesConnection()}.
 */
public class ProtocolException extends HeraldException {

    private final ErrorCode code;
    private final boolean closesConnection;

    /** An error that closes the connection when its code does ({@link ErrorCode#closesConnection()}). */
    public ProtocolException(ErrorCode code, String message) {
        this(code, message, code != null && code.closesConnection());
    }

    private ProtocolException(ErrorCode code, String message, boolean closesConnection) {
        super(message);
        this.code = code;
        this.closesConnection = closesConnection;
    }

    public static ProtocolException of(ErrorCode code) {
        return new ProtocolException(code, code.defaultMessage());
    }

    /** A frame the server can't act on: reported without a code, and the connection stays. */
    public static ProtocolException invalidMessage(String message) {
        return new ProtocolException(null, message, false);
    }

    /**
     * Reported with {@code code}, yet the connection stays whatever the code: a refused client event
     * tells the sender why (4009) without ending the session that sent it.
     */
    public static ProtocolException reportOnly(ErrorCode code, String message) {
        return new ProtocolException(code, message, false);
    }

    /** The wire code, or {@code null} for {@link #invalidMessage}. */
    public ErrorCode code() {
        return code;
    }

    /** Whether the server closes the connection, with {@link #code()}, after reporting this error. */
    public boolean closesConnection() {
        return closesConnection;
    }
}
