package io.herald.sdk.crypto;

import io.herald.sdk.HeraldValidationException;

/** An encrypted payload that can't be opened: malformed, for another channel, or tampered with. */
public class DecryptionException extends HeraldValidationException {

    /**
     * Creates the exception.
     *
     * @param message why the payload could not be opened
     */
    public DecryptionException(String message) {
        super(message);
    }
}
