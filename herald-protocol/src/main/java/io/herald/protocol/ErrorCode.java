package io.herald.protocol;

/**
 * The Pusher protocol's error and close codes. Codes 4000–4099 tell a client not to reconnect as it
 * is, 4100–4199 to back off first, 4200–4299 to reconnect at once; 4300+ are errors sent as
 * {@code pusher:error} without closing.
 */
public enum ErrorCode {
    SSL_ONLY(4000, "Application only accepts SSL connections"),
    APP_NOT_FOUND(4001, "Application does not exist"),
    APP_DISABLED(4003, "Application is disabled"),
    OVER_CONNECTION_QUOTA(4004, "Application is over its connection quota"),
    PATH_NOT_FOUND(4005, "Path not found"),
    INVALID_VERSION_FORMAT(4006, "Invalid version string format"),
    UNSUPPORTED_PROTOCOL_VERSION(4007, "Unsupported protocol version"),
    NO_PROTOCOL_VERSION(4008, "No protocol version supplied"),
    UNAUTHORIZED(4009, "Connection is unauthorized"),
    OVER_CAPACITY(4100, "Over capacity"),
    RECONNECT(4200, "Generic reconnect immediately"),
    PONG_NOT_RECEIVED(4201, "Pong reply not received"),
    CLOSED_AFTER_INACTIVITY(4202, "Closed after inactivity"),
    CLIENT_EVENT_REJECTED(4301, "Client event rejected due to rate limit"),
    WATCHLIST_OVER_LIMIT(4302, "Watchlist over limit");

    private final int code;
    private final String defaultMessage;

    ErrorCode(int code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** Codes below 4300 end the connection; the rest are reported and the connection stays. */
    public boolean closesConnection() {
        return code < 4300;
    }
}
