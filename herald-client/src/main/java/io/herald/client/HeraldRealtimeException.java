package io.herald.client;

import io.herald.protocol.HeraldException;

/** Something the realtime client could not do: an authorization that failed, a bad answer. */
public class HeraldRealtimeException extends HeraldException {

    public HeraldRealtimeException(String message) {
        super(message);
    }

    public HeraldRealtimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
