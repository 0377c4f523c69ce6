package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.PushDataDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code herald} command run as a real JVM process from the test classpath, so exit codes,
 * stderr and SIGTERM are the real thing. Output is collected by reader threads, so a chatty process
 * never blocks on a full pipe. A server keeps its push store in a {@link PushDataDirectory}, deleted on
 * {@link #close()}.
 */
final class HeraldProcess implements AutoCloseable {

    /** How long a command may take to finish or a server to come up (a JVM took over 30 s to start at load 30 on 2 cores). */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern RUNNING = Pattern.compile("Herald is running on port (\\d+)");

    private final Process process;
    private final PushDataDirectory pushData = PushDataDirectory.create();
    private final Output stdout;
    private final Output stderr;
    private int port = -1;

    private HeraldProcess(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                HeraldCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // Only the variables a test names may configure the process.
        builder.environment().keySet().removeIf(name -> name.startsWith("HERALD_") || name.startsWith("PUSHER_"));
        pushData.applyTo(builder.environment());
        builder.environment().putAll(env);
        try {
            this.process = builder.start();
        } catch (IOException e) {
            pushData.close();
            throw new UncheckedIOException(e);
        }
        this.stdout = new Output(process.getInputStream(), "herald-stdout");
        this.stderr = new Output(process.getErrorStream(), "herald-stderr");
    }

    /**
     * What a finished command did.
     *
     * @param exitCode the process exit code
     * @param stdout everything printed to standard output
     * @param stderr everything printed to standard error
     */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code herald args...} to completion with these {@code HERALD_*} and {@code PUSHER_*} variables. */
    static Result run(Map<String, String> env, String... args) {
        try (HeraldProcess p = new HeraldProcess(env, args)) {
            int exitCode = p.awaitExit(TIMEOUT);
            return new Result(exitCode, p.stdout(), p.stderr());
        }
    }

    /** Starts {@code herald args...} with these variables, without waiting for anything. */
    static HeraldProcess start(Map<String, String> env, String... args) {
        return new HeraldProcess(env, args);
    }

    /** Waits until standard error has a line matching {@code pattern}, e.g. a progress message. */
    void awaitStderr(String regex) {
        stderr.awaitMatch(Pattern.compile(regex), TIMEOUT, process);
    }

    /** Waits until standard output (where the log goes) has a line matching {@code regex}. */
    void awaitStdout(String regex) {
        stdout.awaitMatch(Pattern.compile(regex), TIMEOUT, process);
    }

    /**
     * Starts {@code herald server args...} and waits until it reports its port. Not the testkit's
     * {@code ServerProcess}, which picks the port, needs a config file, waits for {@code /ready} and
     * logs to a file: these tests check the command itself (the port it reports for {@code --port 0},
     * its stdout and stderr apart and as they come, its exit code after SIGTERM, SIGHUP).
     */
    static HeraldProcess startServer(String... args) {
        List<String> all = new ArrayList<>(List.of("server"));
        all.addAll(List.of(args));
        HeraldProcess p = new HeraldProcess(Map.of(), all.toArray(String[]::new));
        try {
            p.port = Integer.parseInt(p.stdout.awaitMatch(RUNNING, TIMEOUT, p.process).group(1));
            return p;
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
    }

    /** Where a server keeps its push store. */
    Path pushDataDirectory() {
        return pushData.path();
    }

    /** The port the server reported it listens on. */
    int port() {
        return port;
    }

    /**
     * Sends SIGTERM, as {@code kill} or an orchestrator stopping a container would. Through the
     * process handle: {@link Process#destroy()} would also close our ends of its output pipes, and
     * what it prints while shutting down would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGHUP, as {@code kill -HUP} does: the server reads its certificate and its apps again. */
    void hangUp() {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -HUP").isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits for the process to end and all its output to be read, and returns its exit code; fails
     * the test if it outlives {@code timeout}.
     */
    int awaitExit(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(exited).as("herald exited within %s s; stdout:%n%s%nstderr:%n%s",
                    timeout.toSeconds(), stdout.text(), stderr.text()).isTrue();
            stdout.awaitEnd();
            stderr.awaitEnd();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String stdout() {
        return stdout.text();
    }

    String stderr() {
        return stderr.text();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            if (process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                pushData.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One output stream of the process, read line by line on its own thread. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        Output(InputStream in, String name) {
            Thread reader = new Thread(() -> read(in), name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (this) {
                        text.append(line).append('\n');
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process went away; what was read is kept
            } finally {
                ended.complete(null);
            }
        }

        /** All the output, once the process has closed the stream. */
        String awaitEnd() {
            try {
                ended.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("output stream not closed within " + TIMEOUT.toSeconds() + " s", e);
            }
            return text();
        }

        synchronized String text() {
            return text.toString();
        }

        /** Waits for output matching {@code pattern} and returns the match. */
        synchronized Matcher awaitMatch(Pattern pattern, Duration timeout, Process process) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    return m;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && ended.isDone())) {
                    throw new AssertionError("no line matching '" + pattern + "' within " + timeout.toSeconds()
                            + " s; output so far:\n" + text);
                }
                try {
                    wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }
}
