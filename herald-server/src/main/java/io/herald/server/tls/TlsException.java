package io.herald.server.tls;

/** A TLS certificate or key that can't be used; the message names the file and what is wrong with it. */
public final class TlsException extends RuntimeException {

    TlsException(String message) {
        super(message);
    }

    TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
