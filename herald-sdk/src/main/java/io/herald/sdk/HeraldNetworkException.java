package io.herald.sdk;

import io.herald.protocol.HeraldException;

/**
 * The request never got an HTTP answer: connection refused, reset, DNS or TLS failure. The event may
 * or may not have been delivered; retrying makes sense.
 */
public class HeraldNetworkException extends HeraldException {

    /**
     * Creates the exception.
     *
     * @param message what failed, for people
     * @param cause the I/O failure
     */
    public HeraldNetworkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return always true: a network failure may be transient */
    public boolean isRetryable() {
        return true;
    }
}
