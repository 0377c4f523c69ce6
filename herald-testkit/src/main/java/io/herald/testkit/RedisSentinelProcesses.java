package io.herald.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A throw-away Redis behind Sentinel: a master, one replica ({@code replicaof}) and three sentinels
 * (quorum 2) on free ports of 127.0.0.1, without persistence, quick to fail over: a master silent for
 * {@value #DOWN_AFTER_MILLIS} ms is down, and a failover may take {@value #FAILOVER_TIMEOUT_MILLIS} ms.
 * The sentinels' config files live in a temporary directory removed at {@link #close()}, which stops
 * every process. Needs {@code redis-server} and {@code redis-cli}.
 */
public final class RedisSentinelProcesses implements AutoCloseable {

    /** The name the sentinels monitor the master under, as in {@link #url()}. */
    public static final String MASTER_NAME = "herald";
    static final int DOWN_AFTER_MILLIS = 1000;
    static final int FAILOVER_TIMEOUT_MILLIS = 3000;
    private static final int SENTINELS = 3;
    private static final int QUORUM = 2;
    private static final long READY_SECONDS = 30;

    private final Path dir;
    /** The master and the replica, by port; their roles swap on a failover. */
    private final Map<Integer, RedisServerProcess> servers = new HashMap<>();
    private final List<RedisServerProcess> sentinels = new ArrayList<>();

    private RedisSentinelProcesses(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts the master, the replica and the sentinels, and waits until the replica is in sync and
     * every sentinel knows the replica and the other sentinels (without which no failover can happen).
     */
    public static RedisSentinelProcesses start() {
        RedisSentinelProcesses redis = new RedisSentinelProcesses(ScratchDirectory.create("herald-redis-sentinel"));
        try {
            RedisServerProcess master = RedisServerProcess.start();
            redis.servers.put(master.port(), master);
            RedisServerProcess replica = RedisServerProcess.start(
                    List.of("--replicaof", "127.0.0.1", String.valueOf(master.port())));
            redis.servers.put(replica.port(), replica);
            for (int i = 0; i < SENTINELS; i++) {
                redis.sentinels.add(RedisServerProcess.startSentinel(redis.sentinelConfig(i, master.port())));
            }
            redis.awaitReady(replica.port());
            return redis;
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    private Path sentinelConfig(int index, int masterPort) {
        Path config = dir.resolve("sentinel-" + index + ".conf");
        try {
            Files.writeString(config, String.join("\n",
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " " + QUORUM,
                    "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
                    "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT_MILLIS,
                    "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    private void awaitReady(int replicaPort) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        String state = "";
        while (System.nanoTime() < deadline) {
            state = RedisCli.run(List.of("-p", String.valueOf(replicaPort), "info", "replication"));
            boolean ready = state.contains("master_link_status:up");
            for (RedisServerProcess sentinel : sentinels) {
                if (!ready) {
                    break;
                }
                Map<String, String> master = sentinelMaster(sentinel);
                state = "sentinel " + sentinel.port() + ": " + master;
                ready = "1".equals(master.get("num-slaves"))
                        && String.valueOf(SENTINELS - 1).equals(master.get("num-other-sentinels"));
            }
            if (ready) {
                return;
            }
            RedisServerProcess.sleepBriefly();
        }
        throw new IllegalStateException("Redis behind Sentinel not ready within " + READY_SECONDS + " s:\n" + state);
    }

    /** {@code SENTINEL MASTER}'s alternating field names and values, as a map. */
    private static Map<String, String> sentinelMaster(RedisServerProcess sentinel) {
        String[] lines = RedisCli.run(List.of("-p", String.valueOf(sentinel.port()), "sentinel", "master", MASTER_NAME))
                .strip().split("\n");
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < lines.length; i += 2) {
            fields.put(lines[i].strip(), lines[i + 1].strip());
        }
        return fields;
    }

    /** {@code redis-sentinel://127.0.0.1:s1,127.0.0.1:s2,127.0.0.1:s3#herald}. */
    public String url() {
        return "redis-sentinel://" + sentinels.stream().map(s -> "127.0.0.1:" + s.port())
                .collect(Collectors.joining(",")) + "#" + MASTER_NAME;
    }

    /** The master's port as the first sentinel that answers reports it. */
    public int masterPort() {
        IllegalStateException failure = new IllegalStateException("no sentinel answered");
        for (RedisServerProcess sentinel : sentinels) {
            try {
                String[] address = RedisCli.run(List.of("-p", String.valueOf(sentinel.port()),
                        "sentinel", "get-master-addr-by-name", MASTER_NAME)).strip().split("\n");
                return Integer.parseInt(address[address.length - 1].strip());
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    /** Kills the current master at once (SIGKILL), as a crash would; returns its port. */
    public int killMaster() {
        int port = masterPort();
        servers.get(port).kill();
        return port;
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServerProcess::close);
        servers.values().forEach(RedisServerProcess::close);
        ScratchDirectory.delete(dir);
    }
}
