package io.herald.cli;

/** The exit codes every one-shot command uses, as listed in each command's {@code --help}. */
final class ExitCodes {

    static final int OK = 0;
    /** The request was sent but failed: an HTTP error status, a network failure, a bad webhook signature. */
    static final int FAILED = 1;
    /** Nothing was sent: invalid arguments, input or configuration. */
    static final int USAGE = 2;

    /** For {@code @Command(exitCodeList = ...)}. */
    static final String LIST_OK = "0:success";
    static final String LIST_FAILED = "1:request failed: HTTP error status or network failure";
    static final String LIST_USAGE = "2:invalid usage, input or configuration (nothing was sent)";

    private ExitCodes() {
    }
}
