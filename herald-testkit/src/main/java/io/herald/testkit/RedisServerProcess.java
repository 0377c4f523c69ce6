package io.herald.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away redis-server on a free port of 127.0.0.1, without persistence, that tests can kill and
 * start again on the same port (to watch nodes lose and regain Redis). Whatever it still writes (a
 * replica's copy of its master's data) goes to a temporary directory of its own, removed at
 * {@link #close()}, never into the working directory. Needs {@code redis-server} (in {@code /usr/bin}
 * or on the PATH).
 */
public final class RedisServerProcess implements TestRedis {

    private static final String BINARY = new File("/usr/bin/redis-server").canExecute()
            ? "/usr/bin/redis-server" : "redis-server";

    private final int port;
    private final List<String> configArgs;
    private final List<String> extraArgs;
    /** Its working directory ({@code --dir}), kept across restarts. */
    private final Path dir = ScratchDirectory.create("herald-redis");
    private Process process;

    private RedisServerProcess(int port, List<String> configArgs, List<String> extraArgs) {
        this.port = port;
        this.configArgs = configArgs;
        this.extraArgs = extraArgs;
    }

    public static RedisServerProcess start() {
        return start(List.of());
    }

    /** A server started with {@code extraArgs} on top of the port, bind and no-persistence ones. */
    static RedisServerProcess start(List<String> extraArgs) {
        return start(List.of(), extraArgs);
    }

    /**
     * A Sentinel ({@code redis-server config --sentinel}) reading {@code config}, which it rewrites as it
     * learns the replicas, the other sentinels and failovers.
     */
    static RedisServerProcess startSentinel(Path config) {
        return start(List.of(config.toString(), "--sentinel"), List.of());
    }

    private static RedisServerProcess start(List<String> configArgs, List<String> extraArgs) {
        RedisServerProcess redis = new RedisServerProcess(freePort(), configArgs, extraArgs);
        try {
            redis.restart();
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    @Override
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) and waits until it accepts connections. */
    @Override
    public void restart() {
        try {
            // A config file must come before any option.
            List<String> command = new ArrayList<>(List.of(BINARY));
            command.addAll(configArgs);
            command.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", dir.toString()));
            command.addAll(extraArgs);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it installed?)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue());
                }
                sleepBriefly();
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s");
    }

    /** Kills the server at once (SIGKILL), as a crash would. */
    @Override
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
        ScratchDirectory.delete(dir);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
