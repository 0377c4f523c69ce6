package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code herald} commands in-process through {@link HeraldCommand#commandLine(CliContext)}, with
 * a chosen environment, stdin and working directory, and captures what they print.
 */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment = new HashMap<>();
    private String stdin = "";
    private Path workingDirectory = Path.of("target");

    /** What a command did. */
    record Result(int exitCode, String out, String err) {

        /** Standard output as one JSON object (fails the test if it is not one). */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        /** Asserts a {@code success:false} outcome with {@code exitCode} and an error containing {@code message}. */
        JsonNode assertFailure(int exitCode, String message) {
            JsonNode json = json();
            assertThat(json.path("success").asBoolean()).as("success in %s", out).isFalse();
            assertThat(json.path("error").asText()).contains(message);
            assertThat(this.exitCode).as("exit code; out: %s err: %s", out, err).isEqualTo(exitCode);
            return json;
        }

        /** Asserts a {@code success:true} outcome with exit code 0. */
        JsonNode assertSuccess() {
            JsonNode json = json();
            assertThat(json.path("success").asBoolean()).as("success in %s (stderr %s)", out, err).isTrue();
            assertThat(json.get("error").isNull()).isTrue();
            assertThat(exitCode).isZero();
            return json;
        }
    }

    /** A runner with no environment at all. */
    static Cli withoutEnvironment() {
        return new Cli();
    }

    /** A runner configured for {@code app} on {@code server} through {@code PUSHER_*} variables only. */
    static Cli forServer(TestServer server, App app) {
        return new Cli().env("PUSHER_APP_ID", app.id()).env("PUSHER_KEY", app.key())
                .env("PUSHER_SECRET", app.secret()).env("PUSHER_PORT", String.valueOf(server.port()));
    }

    static Cli forServer(TestServer server) {
        return forServer(server, TestServer.APP);
    }

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    Cli workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), workingDirectory);
        int exitCode = HeraldCommand.commandLine(context)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
