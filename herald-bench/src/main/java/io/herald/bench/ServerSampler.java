package io.herald.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The server's resident memory and open files, read from {@code /proc/<pid>} at a fixed interval on a
 * thread of its own. After a run, the spread of each past a warm-up tells whether it stayed flat:
 * {@code ±(max − min) / (max + min)}, half the range around its middle, in percent.
 */
final class ServerSampler implements AutoCloseable {

    /** One reading, {@code seconds} after the sampler started. */
    record Sample(double seconds, long rssKib, long openFiles) {
    }

    private final long pid;
    private final long start = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-server-sampler");
        t.setDaemon(true);
        return t;
    });

    private ServerSampler(long pid) {
        this.pid = pid;
    }

    /** Samples process {@code pid} now and every {@code every}; no samples if {@code pid} is 0. */
    static ServerSampler start(long pid, Duration every) {
        ServerSampler sampler = new ServerSampler(pid);
        if (pid > 0) {
            sampler.timer.scheduleAtFixedRate(sampler::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return sampler;
    }

    private void sample() {
        OptionalLong rss = ProcessMemory.rssKib(pid);
        OptionalLong files = openFiles(pid);
        if (rss.isPresent() && files.isPresent()) {
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - start) / 1e9, rss.getAsLong(), files.getAsLong()));
            }
        }
    }

    /** Entries of {@code /proc/<pid>/fd}: every open file and socket; empty if unreadable. */
    static OptionalLong openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return OptionalLong.of(fds.count());
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The latest sample, for progress lines; null before the first. */
    Sample latest() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }
    }

    /**
     * Adds min, max and spread of RSS and open files over the samples taken after {@code warmup} to
     * {@code report}, and an error for each whose spread exceeds {@code flatPercent}.
     */
    void summarize(Report report, Duration warmup, double flatPercent) {
        List<Sample> after = samples().stream().filter(s -> s.seconds() >= warmup.toSeconds()).toList();
        report.result("samples.total", samples().size());
        report.result("samples.after_warmup", after.size());
        if (after.isEmpty()) {
            return;
        }
        spread(report, "server_rss", "kib", after, Sample::rssKib, flatPercent);
        spread(report, "server_open_files", "count", after, Sample::openFiles, flatPercent);
    }

    private static void spread(Report report, String name, String unit, List<Sample> after,
                               ToLongFunction<Sample> value, double flatPercent) {
        long min = after.stream().mapToLong(value).min().orElseThrow();
        long max = after.stream().mapToLong(value).max().orElseThrow();
        double spread = max + min == 0 ? 0 : 100.0 * (max - min) / (max + min);
        report.result(name + ".min_" + unit, min);
        report.result(name + ".max_" + unit, max);
        report.result(name + ".spread_pct", spread);
        if (spread > flatPercent) {
            report.error(name + " varied ±" + String.format("%.1f", spread) + " % after the warm-up ("
                    + min + " to " + max + " " + unit + "), more than ±" + flatPercent + " %");
        }
    }

    /** Writes every sample as CSV: seconds, rss_kib, open_files. */
    void write(Path file) {
        StringBuilder csv = new StringBuilder("seconds,rss_kib,open_files\n");
        samples().forEach(s -> csv.append(String.format("%.1f,%d,%d%n", s.seconds(), s.rssKib(), s.openFiles())));
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
