package io.herald.sdk;

import io.herald.protocol.HeraldException;

/**
 * A setting or an argument the SDK refuses before sending anything: a missing option, a malformed
 * socket id or channel name, data over the size limit. Retrying the same call can't help.
 */
public class HeraldValidationException extends HeraldException {

    public HeraldValidationException(String message) {
        super(message);
    }

    public HeraldValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always false: the same call fails the same way until the argument or setting is fixed. */
    public boolean isRetryable() {
        return false;
    }
}
