package io.herald.sdk;

/** No answer within {@link HeraldRestOptions#requestTimeout()}; a kind of network failure. */
public class HeraldTimeoutException extends HeraldNetworkException {

    /**
     * Creates the exception.
     *
     * @param message what timed out, for people
     * @param cause the JDK's timeout
     */
    public HeraldTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
