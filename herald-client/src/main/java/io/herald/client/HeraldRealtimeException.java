package io.herald.client;

import io.herald.protocol.HeraldException;

/** Something the realtime client could not do: an authorization that failed, a bad answer. */
public class HeraldRealtimeException extends HeraldException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for people
     */
    public HeraldRealtimeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, for people
     * @param cause the underlying failure
     */
    public HeraldRealtimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
