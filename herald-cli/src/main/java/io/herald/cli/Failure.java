package io.herald.cli;

import io.herald.protocol.HeraldException;
import io.herald.sdk.HeraldHttpException;
import io.herald.sdk.HeraldNetworkException;
import io.herald.sdk.HeraldValidationException;
import java.net.ConnectException;
import java.net.URI;

/**
 * Why a command failed, in one line, and its exit code: {@code HTTP 401: …} for an answer the
 * server refused, {@code network error: …} for no answer, the check's own message for input the SDK
 * or the command refused before sending.
 *
 * @param message what a person reads in {@code "error"}
 * @param exitCode {@link ExitCodes#FAILED} or {@link ExitCodes#USAGE}
 */
record Failure(String message, int exitCode) {

    /** The failure {@code error} stands for; {@code server} (may be null) is named in network errors. */
    static Failure of(Throwable error, URI server) {
        if (error instanceof CliException e) {
            return new Failure(e.getMessage(), e.exitCode());
        }
        if (error instanceof HeraldValidationException || error instanceof IllegalArgumentException) {
            return new Failure(error.getMessage(), ExitCodes.USAGE);
        }
        if (error instanceof HeraldHttpException e) {
            return new Failure("HTTP " + e.status() + ": " + e.reason(), ExitCodes.FAILED);
        }
        if (error instanceof HeraldNetworkException e) {
            return new Failure(network(e, server), ExitCodes.FAILED);
        }
        if (error instanceof HeraldException e) {
            return new Failure(e.getMessage(), ExitCodes.FAILED);
        }
        return new Failure(error.toString(), ExitCodes.FAILED);
    }

    private static String network(HeraldNetworkException e, URI server) {
        if (server != null && causedBy(e, ConnectException.class)) {
            return "network error: cannot connect to " + server
                    + " (connection refused: is the server running there?)";
        }
        return "network error: " + e.getMessage();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
