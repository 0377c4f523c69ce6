package io.herald.protocol;

/**
 * A violation of the WebSocket protocol that carries its wire code. One place in the server turns it
 * into a {@code pusher:error} frame or a close frame, depending on {@link ErrorCode#closesConnection()}.
 */
public class ProtocolException extends HeraldException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public static ProtocolException of(ErrorCode code) {
        return new ProtocolException(code, code.defaultMessage());
    }

    public ErrorCode code() {
        return code;
    }
}
