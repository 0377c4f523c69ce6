package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The workers of one run. Splits the connections evenly over them, sends each its part, and sums
 * their counters.
 */
final class WorkerPool implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final List<WorkerLink> links = new ArrayList<>();

    private WorkerPool() {
    }

    /** Starts {@code workers} workers, as child processes unless {@code inProcess}, and waits until they are up. */
    static WorkerPool start(int workers, boolean inProcess) throws InterruptedException {
        WorkerPool pool = new WorkerPool();
        for (int i = 0; i < workers; i++) {
            pool.links.add(inProcess ? WorkerLink.inProcess() : WorkerLink.spawn());
        }
        try {
            pool.awaitAll("ready", STARTUP);
        } catch (BenchException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    int size() {
        return links.size();
    }

    /**
     * Tells every worker to open its share of {@code connections}; returns at once.
     *
     * @param nodes where connection {@code i} goes: {@code nodes[i mod size]}
     * @param plan the plan for all connections; {@code first} and {@code count} are replaced per worker
     */
    void open(List<BenchTarget> nodes, FleetPlan plan, int localAddresses, int threads) {
        int share = (plan.count() + links.size() - 1) / links.size();
        for (int w = 0; w < links.size(); w++) {
            int first = Math.min(plan.count(), w * share);
            int count = Math.min(share, plan.count() - first);
            FleetPlan part = new FleetPlan(first, count, plan.channelPrefix(), plan.channels(), plan.presence(),
                    plan.events(), Math.max(1, plan.concurrency() / links.size()));
            ObjectNode command = op("open");
            ArrayNode targets = command.putArray("targets");
            nodes.forEach(t -> targets.addObject().put("host", t.host()).put("port", t.port())
                    .put("appId", t.appId()).put("key", t.key()).put("secret", t.secret()));
            command.set("plan", part.toJson());
            command.put("localAddresses", localAddresses).put("threads", threads);
            links.get(w).send(command);
        }
    }

    /** Sends {@code op} to every worker. */
    void sendAll(String op) {
        sendAll(op(op));
    }

    /** Sends {@code command} to every worker. */
    void sendAll(ObjectNode command) {
        links.forEach(l -> l.send(command));
    }

    /** Waits for one reply of {@code type} from every worker, all within {@code timeout}. */
    List<JsonNode> awaitAll(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> replies = new ArrayList<>();
        for (WorkerLink link : links) {
            replies.add(link.await(type, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
        return replies;
    }

    /** The sum of counter {@code name} over the workers' latest progress. */
    long total(String name) {
        return links.stream().mapToLong(l -> l.latest().path(name).asLong()).sum();
    }

    /** Sum of a counter over a set of replies. */
    static long sum(List<JsonNode> replies, String name) {
        return replies.stream().mapToLong(r -> r.path(name).asLong()).sum();
    }

    static ObjectNode op(String op) {
        return JsonNodeFactory.instance.objectNode().put("op", op);
    }

    @Override
    public void close() {
        links.parallelStream().forEach(WorkerLink::close);
    }
}
