package io.herald.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.PushTestServer;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every terminal session of the docs ({@code ```console} blocks with {@code $} prompts) runs as
 * shown, against a real server: each command in turn, in one working directory per page (so a
 * {@code .env} written in one block is read by the next), its output compared line by line with
 * what the page shows ({@link ShellSession} says how loosely). {@code bin/herald} runs the built
 * jar; the commands talk to a server this test starts (its port stands in for 6001). A command that
 * keeps running (a server, {@code subscribe}) is left running once its lines have appeared, and
 * stopped at the end of its page.
 */
class ShellSessionsTest {

    private static final Path JAR = DocPages.ROOT.resolve("herald-cli/target/herald.jar");
    private static final long COMMAND_TIMEOUT_MILLIS = 60_000;

    @TempDir
    static Path pushData;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = PushTestServer.start(pushData);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyTerminalSessionRunsAsShown() throws Exception {
        assertThat(JAR).as("the herald jar (mvn package builds it)").exists();
        List<String> failures = new ArrayList<>();
        int commands = 0;
        for (Path page : DocPages.all()) {
            Path directory = Files.createTempDirectory("herald-docs-");
            Map<String, String> bindings = new HashMap<>();
            List<Process> running = new ArrayList<>();
            try {
                for (DocPages.Block block : DocPages.blocks(page, "console")) {
                    ShellSession session = ShellSession.parse(block.text());
                    for (ShellSession.Step step : session.steps()) {
                        commands++;
                        String failure = run(step, directory, bindings, running);
                        if (failure != null) {
                            failures.add(block.where() + ": $ " + step.command() + "\n" + failure);
                            break; // the rest of the block builds on this step
                        }
                    }
                }
            } finally {
                running.forEach(ShellSessionsTest::stopTree);
            }
        }
        assertThat(commands).as("commands in the docs' sessions").isGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    /** Runs one step; {@code null} when it printed what the docs show, else what went wrong. */
    private static String run(ShellSession.Step step, Path directory, Map<String, String> bindings,
                              List<Process> running) throws Exception {
        String command = step.command().replace("bin/herald", "java -jar '" + JAR + "'")
                .replace("localhost:6001", "127.0.0.1:" + server.port()).replace("127.0.0.1:6001", "127.0.0.1:" + server.port());
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            command = command.replace(binding.getKey(), binding.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PUSHER_") || name.startsWith("HERALD_"));
        env.put("PUSHER_PORT", String.valueOf(server.port()));
        env.put("PUSHER_BEAMS_BASE_URL", server.httpUrl());
        env.put("HERALD_PORT", String.valueOf(freePort()));
        env.put("HERALD_PUSH_DATA_DIR", directory.resolve("data").toString());
        Process process = builder.start();
        Output output = new Output(process.getInputStream());
        long deadline = System.currentTimeMillis() + COMMAND_TIMEOUT_MILLIS;
        while (true) {
            Map<String, String> seen = output.matches(step.output());
            if (seen != null && (!process.isAlive() || output.waitingIsPointless(step))) {
                if (process.isAlive()) {
                    running.add(process); // a server or a subscriber: it goes on for the next blocks
                } else {
                    output.join();
                    seen = output.matches(step.output());
                    if (seen == null) {
                        return "printed:\n" + output.text();
                    }
                }
                bindings.putAll(seen);
                return null;
            }
            if (!process.isAlive()) {
                output.join();
                Map<String, String> last = output.matches(step.output());
                if (last != null) {
                    bindings.putAll(last);
                    return null;
                }
                return "expected:\n" + String.join("\n", step.output()) + "\nprinted:\n" + output.text();
            }
            if (System.currentTimeMillis() > deadline) {
                stopTree(process);
                return "no answer within " + COMMAND_TIMEOUT_MILLIS + " ms; printed:\n" + output.text();
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void stopTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A process's output as it arrives, read on a thread of its own. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final Thread reader;

        Output(InputStream in) {
            reader = new Thread(() -> {
                try {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            return text.toString();
        }

        void join() throws InterruptedException {
            reader.join(5_000);
        }

        /** Once the lines are there, only a command shown printing nothing might still print: wait for its end. */
        boolean waitingIsPointless(ShellSession.Step step) {
            return !step.output().isEmpty();
        }

        /**
         * Whether every line the docs show appears, in order, as a whole line of the output (other
         * lines, such as log lines, may come between); the varying values seen, by the docs' value.
         */
        Map<String, String> matches(List<String> expected) {
            String[] lines = text().split("\n");
            Map<String, String> seen = new HashMap<>();
            int at = 0;
            for (String line : expected) {
                ShellSession.ExpectedLine want = ShellSession.expected(line);
                boolean found = false;
                while (at < lines.length && !found) {
                    Matcher m = want.pattern().matcher(lines[at++]);
                    if (m.matches()) {
                        for (int g = 0; g < want.shownValues().size(); g++) {
                            seen.put(want.shownValues().get(g), m.group(g + 1));
                        }
                        found = true;
                    }
                }
                if (!found) {
                    return null;
                }
            }
            return seen;
        }
    }
}
