package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A load-generator worker: holds one {@link SocketFleet} and obeys the parent's commands, one JSON
 * object per line on stdin, answering with JSON lines on stdout ({@code progress} every 250 ms,
 * {@code ready} once, then {@code halfway} and {@code opened} as the connections settle, {@code churnStopped},
 * {@code report}, {@code bye}). Runs as a child process,
 * so each worker has its own open-files limit, or in-process for small runs and tests.
 */
public final class Worker {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long PROGRESS_MILLIS = 250;

    private final Consumer<ObjectNode> out;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-worker-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile SocketFleet fleet;

    /** @param out receives every reply; called from several threads, one at a time */
    public Worker(Consumer<ObjectNode> out) {
        this.out = reply -> {
            synchronized (this) {
                out.accept(reply);
            }
        };
        ticker.scheduleAtFixedRate(this::progress, PROGRESS_MILLIS, PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Tells the parent this worker is up, so JVM start-up is not counted in any phase. */
    void ready() {
        out.accept(JSON.createObjectNode().put("type", "ready"));
    }

    /** Runs one command; returns false after {@code exit}. */
    public boolean handle(JsonNode command) {
        switch (command.get("op").asText()) {
            case "open" -> open(command);
            case "churn" -> fleet.startChurn();
            case "steadyChurn" -> fleet.startSteadyChurn(command.get("reconnect").asDouble(),
                    command.get("rejoin").asDouble());
            case "stopChurn" -> {
                fleet.stopChurn();
                out.accept(reply("churnStopped"));
            }
            case "report" -> {
                ObjectNode report = reply("report");
                report.set("deliveries", fleet.deliveries().toJson());
                out.accept(report);
            }
            case "exit" -> {
                close();
                out.accept(JSON.createObjectNode().put("type", "bye"));
                return false;
            }
            default -> throw new IllegalArgumentException("unknown worker command " + command);
        }
        return true;
    }

    private void open(JsonNode command) {
        List<BenchTarget> targets = new ArrayList<>();
        command.get("targets").forEach(t -> targets.add(new BenchTarget(t.get("host").asText(), t.get("port").asInt(),
                t.get("appId").asText(), t.get("key").asText(), t.get("secret").asText())));
        FleetPlan plan = FleetPlan.fromJson(command.get("plan"));
        FdLimit.require("self", plan.count(), "a worker");
        fleet = new SocketFleet(targets, LocalAddresses.loopback(command.get("localAddresses").asInt()), plan,
                command.get("threads").asInt(), () -> out.accept(reply("halfway")), () -> out.accept(reply("opened")));
        fleet.open();
    }

    private ObjectNode reply(String type) {
        ObjectNode reply = fleet.counters();
        reply.put("type", type);
        return reply;
    }

    private void progress() {
        if (fleet != null) {
            ObjectNode p = reply("progress");
            p.remove("errorSamples");
            out.accept(p);
        }
    }

    /** Closes the connections and stops the progress ticker. */
    public void close() {
        ticker.shutdownNow();
        if (fleet != null) {
            fleet.close();
        }
    }

    /** Child-process entry point: commands on stdin, replies on stdout. */
    public static void main(String[] args) throws Exception {
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but replies may reach the parent's pipe
        Worker worker = new Worker(reply -> {
            stdout.println(reply.toString());
            stdout.flush();
        });
        worker.ready();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        boolean running = true;
        while (running && (line = in.readLine()) != null) {
            try {
                running = worker.handle(JSON.readTree(line));
            } catch (RuntimeException e) {
                stdout.println(JSON.createObjectNode().put("type", "failed").put("message", e.getMessage()));
                stdout.flush();
            }
        }
        worker.close();
        System.exit(0);
    }
}
