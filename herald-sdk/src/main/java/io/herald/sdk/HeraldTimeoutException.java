package io.herald.sdk;

/** No answer within {@link HeraldOptions#requestTimeout()}; a kind of network failure. */
public class HeraldTimeoutException extends HeraldNetworkException {

    public HeraldTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
