package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --output json|text}: JSON (the default) prints the whole result as one object on stdout,
 * failures included; text prints a line for people on stdout and failures on stderr.
 */
final class OutputOptions {

    /** The formats of {@code --output}. */
    enum Format { json, text }

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default: one object, failures included) or text (for people)")
    Format format = Format.json;

    /** Prints {@code result} ({@code "success"} and {@code "error"} set) as JSON or with {@code text}. */
    void print(CommandSpec spec, ObjectNode result, Function<ObjectNode, String> text) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(result.toString());
        } else if (result.path("success").asBoolean()) {
            out.println(text.apply(result));
        } else {
            spec.commandLine().getErr().println("herald: " + result.path("error").asText());
            spec.commandLine().getErr().flush();
        }
        out.flush();
    }
}
