package io.herald.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's end of one worker: sends commands, keeps the latest progress counters, and hands out
 * the other replies in order. The worker is a child JVM on the same classpath, or a {@link Worker}
 * in this JVM fed through the same JSON messages.
 */
final class WorkerLink implements AutoCloseable {

    /**
     * Heap and GC for child workers: small objects, short-lived; throughput over pause times. C1 only:
     * a run lasts seconds, and C2 compiling Netty's read path took 3.3 to 5.5 of the worker's 10.5 to 17
     * CPU seconds for a million deliveries (C1: 0.4), mostly during the measured phase, on the
     * cores the server needs, and saved the event loop only about 5 % of its time.
     */
    static final List<String> CHILD_JVM_FLAGS = List.of("-Xmx1g", "-XX:+UseParallelGC", "-Xss256k",
            "-XX:TieredStopAtLevel=1");

    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private volatile JsonNode latest = JsonNodeFactory.instance.objectNode();
    private final Process process;
    private final OutputStream stdin;
    private final Worker inProcess;
    private final ExecutorService commands;

    private WorkerLink(Process process, Worker inProcess) {
        this.process = process;
        this.stdin = process == null ? null : process.getOutputStream();
        this.inProcess = inProcess;
        this.commands = inProcess == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-worker-commands");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a child JVM running {@link Worker} on this JVM's classpath. */
    static WorkerLink spawn() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(CHILD_JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Worker.class.getName()));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            WorkerLink link = new WorkerLink(p, null);
            Thread reader = new Thread(link::readReplies, "bench-worker-reader-" + p.pid());
            reader.setDaemon(true);
            reader.start();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker process: " + command, e);
        }
    }

    /** A worker in this JVM; for small runs and tests. */
    static WorkerLink inProcess() {
        WorkerLink[] self = new WorkerLink[1];
        Worker worker = new Worker(reply -> self[0].accept(reply));
        self[0] = new WorkerLink(null, worker);
        worker.ready();
        return self[0];
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    accept(Worker.JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    System.err.println("worker: " + line); // something else wrote to its stdout
                }
            }
        } catch (IOException e) {
            // the worker is gone; await() reports it
        }
        replies.add(JsonNodeFactory.instance.objectNode().put("type", "failed").put("message", "worker process exited"));
    }

    private void accept(JsonNode reply) {
        String type = reply.path("type").asText();
        if (type.equals("progress") || type.equals("halfway")) { // halfway: counters at the moment half settled
            latest = reply;
        } else {
            latest = reply.has("subscribed") ? reply : latest;
            replies.add(reply);
        }
    }

    void send(ObjectNode command) {
        if (inProcess != null) {
            commands.execute(() -> {
                try {
                    inProcess.handle(command);
                } catch (RuntimeException e) {
                    accept(JsonNodeFactory.instance.objectNode().put("type", "failed").put("message", String.valueOf(e.getMessage())));
                }
            });
            return;
        }
        try {
            stdin.write((command.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("worker process is gone", e);
        }
    }

    /** The next reply of {@code type}; fails on a {@code failed} reply or after {@code timeout}. */
    JsonNode await(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode reply = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new BenchException("a worker did not answer '" + type + "' within " + timeout.toSeconds() + " s");
            }
            String got = reply.path("type").asText();
            if (got.equals(type)) {
                return reply;
            }
            if (got.equals("failed")) {
                throw new BenchException("worker failed: " + reply.path("message").asText());
            }
        }
    }

    /** The counters of the latest progress line. */
    JsonNode latest() {
        return latest;
    }

    /** Asks the worker to exit and waits up to 15 s for it. */
    @Override
    public void close() {
        try {
            send(JsonNodeFactory.instance.objectNode().put("op", "exit"));
            await("bye", Duration.ofSeconds(15));
        } catch (RuntimeException | InterruptedException e) {
            // the worker is already gone or stuck; make sure below
        }
        if (process != null) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        } else {
            commands.shutdownNow();
        }
    }
}
