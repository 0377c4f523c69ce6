package io.herald.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command reads from the world besides its arguments: the environment variables, standard
 * input and the directory an {@code .env} file is looked up in. Tests pass their own, so a command
 * can be run in-process with a chosen environment.
 *
 * @param environment the variables ({@code PUSHER_*} are the ones read)
 * @param stdin where piped data comes from
 * @param workingDirectory where {@code ./.env} is looked for
 */
public record CliContext(Map<String, String> environment, InputStream stdin, Path workingDirectory) {

    public CliContext {
        environment = Map.copyOf(environment);
    }

    /** The real process: {@link System#getenv()}, {@link System#in} and the current directory. */
    public static CliContext system() {
        return new CliContext(System.getenv(), System.in, Path.of(""));
    }

    /** True when standard input is the terminal, where waiting for piped data would hang. */
    boolean stdinIsTerminal() {
        return stdin == System.in && System.console() != null;
    }
}
