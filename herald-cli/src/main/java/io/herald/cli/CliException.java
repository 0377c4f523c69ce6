package io.herald.cli;

/**
 * A command refused its input or configuration before doing anything (exit code
 * {@link ExitCodes#USAGE}), or failed in a way the command itself detected.
 */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(String message) {
        this(message, ExitCodes.USAGE);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
