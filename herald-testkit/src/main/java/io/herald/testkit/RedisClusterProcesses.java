package io.herald.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Redis Cluster: three masters (no replicas) on free ports of 127.0.0.1, without
 * persistence, each with its cluster state file in its own temporary directory (see
 * {@link RedisServerProcess}). {@link #url()} names every master as a seed. Needs {@code redis-server}
 * and {@code redis-cli}.
 */
public final class RedisClusterProcesses implements TestRedis {

    private static final int MASTERS = 3;
    private static final long READY_SECONDS = 20;

    private final List<RedisServerProcess> masters = new ArrayList<>();

    private RedisClusterProcesses() {
    }

    /** Starts the masters, assigns them all 16384 slots and waits until every one reports the cluster ok. */
    public static RedisClusterProcesses start() {
        RedisClusterProcesses cluster = new RedisClusterProcesses();
        try {
            for (int i = 0; i < MASTERS; i++) {
                // The bus port is chosen too: the default, port + 10000, may be taken or past 65535.
                cluster.masters.add(RedisServerProcess.start(List.of("--cluster-enabled", "yes",
                        "--cluster-port", String.valueOf(RedisServerProcess.freePort()))));
            }
            List<String> create = new ArrayList<>(List.of("--cluster", "create"));
            cluster.addresses().forEach(create::add);
            create.add("--cluster-yes");
            RedisCli.run(create);
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
            String info = RedisCli.run(clusterInfo);
            while (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + MASTERS)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Redis Cluster node " + port + " not ok within "
                            + READY_SECONDS + " s:\n" + info);
                }
                RedisServerProcess.sleepBriefly();
                info = RedisCli.run(clusterInfo);
            }
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
    }
}
