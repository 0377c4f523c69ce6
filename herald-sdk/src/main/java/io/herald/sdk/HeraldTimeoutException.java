package io.herald.sdk;

/** No answer within {@link HeraldRestOptions#requestTimeout()}; a kind of network failure. */
public class HeraldTimeoutException extends HeraldNetworkException {

    public HeraldTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
