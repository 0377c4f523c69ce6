package io.herald.tests.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished (or killed) run of a Node.js script: whether it ended within its timeout, its exit code
 * and its combined stdout and stderr.
 */
public record NodeRun(boolean finished, int exitCode, String output) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code node args...} in {@code workingDir}; a run still going after {@code timeout} is killed. */
    public static NodeRun run(Path workingDir, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(workingDir, timeout, Map.of(), args);
    }

    /** {@link #run(Path, Duration, String...)} with {@code env} added to the script's environment. */
    public static NodeRun run(Path workingDir, Duration timeout, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        // a file, not a pipe: nothing has to drain it while we wait, so the script can never block on a full pipe
        Path log = Files.createTempFile("herald-node-run", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            return new NodeRun(finished, finished ? process.exitValue() : -1, Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The output lines that are JSON objects, parsed; other lines (warnings, stack traces) are skipped. */
    public List<JsonNode> jsonLines() {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("{")) {
                try {
                    objects.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    // not one of the script's result lines
                }
            }
        }
        return objects;
    }
}
