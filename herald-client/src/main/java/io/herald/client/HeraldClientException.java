package io.herald.client;

import io.herald.protocol.HeraldException;

/** Something the realtime client could not do: an authorization that failed, a bad answer. */
public class HeraldClientException extends HeraldException {

    public HeraldClientException(String message) {
        super(message);
    }

    public HeraldClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
