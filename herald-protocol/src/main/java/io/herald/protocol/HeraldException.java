package io.herald.protocol;

/** The one unchecked root of every exception Herald throws on purpose. */
public class HeraldException extends RuntimeException {

    public HeraldException(String message) {
        super(message);
    }

    public HeraldException(String message, Throwable cause) {
        super(message, cause);
    }
}
