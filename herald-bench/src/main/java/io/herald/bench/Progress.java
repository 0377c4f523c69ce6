package io.herald.bench;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Prints a status line every second while a long phase runs; silent when {@code out} is null. */
final class Progress implements AutoCloseable {

    private final Thread thread;

    private Progress(PrintStream out, String phase, Supplier<String> line) {
        long start = System.nanoTime();
        thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    out.printf("[%5.1fs] %s: %s%n", (System.nanoTime() - start) / 1e9, phase, line.get());
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "bench-progress");
        thread.setDaemon(true);
        if (out != null) {
            thread.start();
        }
    }

    static Progress start(PrintStream out, String phase, Supplier<String> line) {
        return new Progress(out, phase, line);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
