package io.herald.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throw-away Redis Cluster: three masters (no replicas) on free ports of 127.0.0.1, without
 * persistence, their cluster state files in a temporary directory removed at {@link #close()}.
 * {@link #url()} names every master as a seed. Needs {@code redis-server} and {@code redis-cli}.
 */
public final class RedisClusterProcesses implements TestRedis {

    private static final int MASTERS = 3;
    private static final long READY_SECONDS = 20;

    private final Path dir;
    private final List<RedisServerProcess> masters = new ArrayList<>();

    private RedisClusterProcesses(Path dir) {
        this.dir = dir;
    }

    /** Starts the masters, assigns them all 16384 slots and waits until every one reports the cluster ok. */
    public static RedisClusterProcesses start() {
        RedisClusterProcesses cluster;
        try {
            cluster = new RedisClusterProcesses(Files.createTempDirectory("herald-redis-cluster"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (int i = 0; i < MASTERS; i++) {
                // The bus port is chosen too: the default, port + 10000, may be taken or past 65535.
                cluster.masters.add(RedisServerProcess.start(List.of("--cluster-enabled", "yes",
                        "--cluster-port", String.valueOf(RedisServerProcess.freePort()),
                        "--cluster-config-file", cluster.dir.resolve("nodes-" + i + ".conf").toString())));
            }
            List<String> create = new ArrayList<>(List.of("--cluster", "create"));
            cluster.addresses().forEach(create::add);
            create.add("--cluster-yes");
            cli(create);
            cluster.awaitOk();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
    @Override
    public String url() {
        return "redis-cluster://" + String.join(",", addresses());
    }

    /** The masters' ports. */
    public List<Integer> ports() {
        return masters.stream().map(RedisServerProcess::port).toList();
    }

    private List<String> addresses() {
        return ports().stream().map(port -> "127.0.0.1:" + port).toList();
    }

    private void awaitOk() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        for (int port : ports()) {
            List<String> clusterInfo = List.of("-p", String.valueOf(port), "cluster", "info");
            String info = cli(clusterInfo);
            while (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + MASTERS)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Redis Cluster node " + port + " not ok within "
                            + READY_SECONDS + " s:\n" + info);
                }
                RedisServerProcess.sleepBriefly();
                info = cli(clusterInfo);
            }
        }
    }

    /** Runs redis-cli on 127.0.0.1 and returns its output; fails when it exits with an error. */
    private static String cli(List<String> args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1"));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(READY_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-cli (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void kill() {
        masters.forEach(RedisServerProcess::kill);
    }

    /** The masters come back with their slots (kept in their cluster files) but no keys. */
    @Override
    public void restart() {
        masters.forEach(RedisServerProcess::restart);
        awaitOk();
    }

    @Override
    public void close() {
        masters.forEach(RedisServerProcess::close);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
