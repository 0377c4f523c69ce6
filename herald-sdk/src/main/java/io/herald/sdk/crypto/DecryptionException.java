package io.herald.sdk.crypto;

import io.herald.sdk.HeraldValidationException;

/** An encrypted payload that can't be opened: malformed, for another channel, or tampered with. */
public class DecryptionException extends HeraldValidationException {

    public DecryptionException(String message) {
        super(message);
    }
}
