package io.herald.server.message;

import io.herald.protocol.HeraldException;

/** A client frame that can't be understood; answered with {@code pusher:error}, the connection stays. */
public final class InvalidMessageException extends HeraldException {

    public InvalidMessageException(String message) {
        super(message);
    }
}
