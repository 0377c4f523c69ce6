package io.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used during one phase by the server (given its pid) and by the load generator (this
 * process and its worker processes), from {@code /proc/<pid>/stat}, plus the host's load average.
 * Tells which side a figure was limited by: a side near 100 % per core it may use was the ceiling.
 */
final class CpuSample {

    /** Clock ticks per second of utime/stime in /proc; 100 on every common Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private final long startNanos = System.nanoTime();
    private final long serverTicks;
    private final long loadgenTicks;

    private CpuSample(long serverPid) {
        this.serverPid = serverPid;
        this.serverTicks = serverPid > 0 ? ticks(serverPid) : 0;
        this.loadgenTicks = loadgenTicks();
    }

    static CpuSample start(long serverPid) {
        return new CpuSample(serverPid);
    }

    /** Adds {@code cpu.<phase>.server_percent}, {@code …loadgen_percent} and the load average. */
    void finish(Report report, String phase) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (seconds <= 0) {
            return;
        }
        if (serverPid > 0) {
            report.result("cpu." + phase + ".server_percent", percent(ticks(serverPid) - serverTicks, seconds));
        }
        report.result("cpu." + phase + ".loadgen_percent", percent(loadgenTicks() - loadgenTicks, seconds));
        report.result("cpu.cores", Runtime.getRuntime().availableProcessors());
        report.result("loadavg_1m", loadAverage());
    }

    private static double percent(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds * 100;
    }

    private static long loadgenTicks() {
        long total = ticks(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            total += ticks(child.pid());
        }
        return total;
    }

    /** utime + stime of a process, in clock ticks; 0 if unknown. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
