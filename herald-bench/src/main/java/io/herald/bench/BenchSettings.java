package io.herald.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * How a run is carried out, whatever the scenario.
 *
 * @param workers worker processes; 0 picks enough for {@code perWorker} connections each
 * @param perWorker most connections one worker holds (each process has its own open-files limit)
 * @param threads event-loop threads per worker
 * @param localAddresses rotate source addresses over 127.0.0.1 … 127.0.0.N (1: don't bind; 0: as many
 *     as the run needs, see {@link LocalAddresses#countFor})
 * @param inProcess run workers as threads of this JVM instead of child processes (small runs, tests)
 * @param concurrency connections connecting at once, over all workers
 * @param timeout bound of each phase of the run
 * @param drain how long deliveries may stall before the missing ones count as lost
 * @param progress where progress lines go each second, or {@code null} for none
 * @param serverPid the server's process id on this host for memory figures, or 0
 * @param subscribeTo the nodes connections go to, round-robin by connection index
 * @param publishTo the node the HTTP API requests go to
 */
public record BenchSettings(BenchTarget target, int workers, int perWorker, int threads, int localAddresses,
                            boolean inProcess, int concurrency, Duration timeout, Duration drain,
                            PrintStream progress, long serverPid, List<BenchTarget> subscribeTo,
                            BenchTarget publishTo) {

    public BenchSettings {
        subscribeTo = List.copyOf(subscribeTo);
        if (subscribeTo.isEmpty()) {
            throw new IllegalArgumentException("no node to subscribe to");
        }
    }

    /** Settings with every connection and request going to {@code target}, the usual single-node run. */
    public BenchSettings(BenchTarget target, int workers, int perWorker, int threads, int localAddresses,
                         boolean inProcess, int concurrency, Duration timeout, Duration drain,
                         PrintStream progress, long serverPid) {
        this(target, workers, perWorker, threads, localAddresses, inProcess, concurrency, timeout, drain,
                progress, serverPid, List.of(target), target);
    }

    public static final int DEFAULT_PER_WORKER = 9_000;

    /** Settings for a quick in-process run against {@code target}, as tests use them. */
    public static BenchSettings inProcess(BenchTarget target) {
        return new BenchSettings(target, 1, DEFAULT_PER_WORKER, 1, 1, true, 100, Duration.ofSeconds(20),
                Duration.ofSeconds(3), null, 0);
    }

    /** How many workers {@code connections} need. */
    public int workersFor(int connections) {
        if (workers > 0) {
            return workers;
        }
        long fit = Math.min(perWorker, FdLimit.socketsWithin(FdLimit.of("self")));
        return (int) Math.max(1, (connections + fit - 1) / Math.max(1, fit));
    }

    /** How many source addresses {@code connections} rotate over: as set, or chosen for them when 0. */
    public int localAddressesFor(int connections) {
        return localAddresses > 0 ? localAddresses
                : LocalAddresses.countFor(connections, subscribeTo.stream().map(BenchTarget::host).toList());
    }

    /** These settings with connections spread over {@code nodes} and events published to {@code publisher}. */
    public BenchSettings across(List<BenchTarget> nodes, BenchTarget publisher) {
        return new BenchSettings(target, workers, perWorker, threads, localAddresses, inProcess, concurrency,
                timeout, drain, progress, serverPid, nodes, publisher);
    }
}
