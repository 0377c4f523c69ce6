package io.herald.bench;

import picocli.CommandLine;

/** Runs {@code bench} on its own: {@code java -cp … io.herald.bench.BenchMain fanout --subscribers 1000}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
