package io.herald.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Event data and other JSON input as given on the command line: inline, {@code @FILE}, or piped on
 * stdin ({@code @-} or nothing at all). JSON is checked before anything is sent, so a shell quoting
 * slip is a clear error rather than a string the subscribers can't parse; it is sent as written.
 */
final class Payload {

    private Payload() {
    }

    /** The data of {@code --message TEXT} ({@code {"message":TEXT}}) or {@code --data JSON|@FILE}, else stdin. */
    static String eventData(String message, String data, CliContext context) {
        if (message != null && data != null) {
            throw new CliException("give either --message or --data, not both");
        }
        if (message != null) {
            return Json.object().put("message", message).toString();
        }
        if (data != null) {
            return json(data, "--data", context);
        }
        return json("@-", "the data on stdin", context);
    }

    /** {@code value} as JSON text: inline, {@code @FILE} or {@code @-} (stdin); {@code what} names it in errors. */
    static String json(String value, String what, CliContext context) {
        String text = value.startsWith("@") ? read(value.substring(1), what, context).strip() : value;
        Json.parse(text, what);
        return text;
    }

    /** The text of {@code FILE}, or of stdin for {@code -}. */
    static String read(String file, String what, CliContext context) {
        if (file.equals("-")) {
            if (context.stdinIsTerminal()) {
                throw new CliException("no " + what + ": pipe it on stdin, or see --help for the other ways to give it");
            }
            return readAll(context.stdin(), "stdin");
        }
        try {
            return Files.readString(context.workingDirectory().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + what + " from " + file + ": " + e);
        }
    }

    private static String readAll(InputStream in, String name) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + name + ": " + e.getMessage());
        }
    }
}
