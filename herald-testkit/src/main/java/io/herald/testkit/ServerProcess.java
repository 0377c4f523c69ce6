package io.herald.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Herald server in its own JVM ({@code java -cp <test classpath> io.herald.cli.HeraldCommand server}, so the
 * calling module needs herald-cli on its test classpath),
 * on a free port of 127.0.0.1. {@link #kill()} is a {@code kill -9}; its output goes to
 * {@code target/server-<port>.log}. Push notifications keep their store in a {@link PushDataDirectory},
 * deleted when the process has ended ({@link #close()} or {@link #kill()}).
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Process process;
    private final PushDataDirectory pushData;

    private ServerProcess(int port, Process process, PushDataDirectory pushData) {
        this.port = port;
        this.process = process;
        this.pushData = pushData;
    }

    /**
     * Starts a server with {@code config} and {@code flags} and waits until it answers 200 on /ready.
     *
     * @param launcher what runs the JVM, e.g. {@code prlimit --nofile=…}; empty for nothing
     */
    public static ServerProcess start(List<String> launcher, Path config, String... flags) {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.herald.cli.HeraldCommand", "server",
                "--config", config.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        command.addAll(List.of(flags));
        PushDataDirectory pushData = PushDataDirectory.create();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/server-" + port + ".log"));
        pushData.applyTo(builder.environment());
        ServerProcess server;
        try {
            server = new ServerProcess(port, builder.start(), pushData);
        } catch (IOException e) {
            pushData.close();
            throw new UncheckedIOException(e);
        }
        try {
            server.awaitReady(Duration.ofSeconds(60)); // a JVM can take 30 s to start on a busy 2-core machine
            return server;
        } catch (RuntimeException e) {
            server.kill();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the server printed: its log. */
    public String log() {
        try {
            return Files.readString(Path.of("target/server-" + port + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String webSocketUrl(String key) {
        return "ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7&client=java&version=1.0";
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server on " + port + " exited with " + process.exitValue()
                        + "; see target/server-" + port + ".log");
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("server on " + port + " not ready within " + within);
    }

    /** SIGKILL: no shutdown hook, no goodbye to a cluster. */
    public void kill() {
        process.destroyForcibly();
        if (waitFor(10)) {
            pushData.close();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: graceful shutdown
            if (!waitFor(15)) {
                kill();
            }
        }
        if (!process.isAlive()) {
            pushData.close();
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port of 127.0.0.1 that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
