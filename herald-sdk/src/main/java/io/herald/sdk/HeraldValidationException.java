package io.herald.sdk;

import io.herald.protocol.HeraldException;

/**
 * A setting or an argument the SDK refuses before sending anything: a missing option, a malformed
 * socket id or channel name, data over the size limit. Retrying the same call can't help.
 */
public class HeraldValidationException extends HeraldException {

    /**
     * Creates the exception.
     *
     * @param message what was refused, naming the argument or setting
     */
    public HeraldValidationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was refused, naming the argument or setting
     * @param cause the underlying failure
     */
    public HeraldValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return always false: the same call fails the same way until the argument or setting is fixed */
    public boolean isRetryable() {
        return false;
    }
}
