package io.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The open-files limit (RLIMIT_NOFILE) of a process, read from {@code /proc/<pid>/limits}. Every
 * socket is a file descriptor, so this caps the connections one process can hold.
 */
public final class FdLimit {

    /** Descriptors a JVM needs besides sockets: jars, epoll, pipes, logs. */
    public static final int RESERVED = 200;

    private FdLimit() {
    }

    /** The soft "Max open files" limit in {@code limitsText}; empty when absent or unlimited. */
    public static OptionalLong parse(String limitsText) {
        for (String line : limitsText.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                if (fields.length > 0 && fields[0].chars().allMatch(Character::isDigit) && !fields[0].isEmpty()) {
                    return OptionalLong.of(Long.parseLong(fields[0]));
                }
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** The soft limit of process {@code pid} ("self" for this one); empty if unknown. */
    public static OptionalLong of(String pid) {
        try {
            return parse(Files.readString(Path.of("/proc", pid, "limits")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** How many sockets a process with {@code limit} can hold after {@link #RESERVED}. */
    public static long socketsWithin(OptionalLong limit) {
        return limit.isPresent() ? Math.max(0, limit.getAsLong() - RESERVED) : Long.MAX_VALUE;
    }

    /**
     * Adds the open-files limit of the server {@code pid} to {@code report}, and an error if it cannot
     * hold {@code sockets} connections (they would be refused).
     */
    public static void checkServer(Report report, long pid, long sockets) {
        report.parameter("server_pid", pid);
        OptionalLong limit = of(Long.toString(pid));
        limit.ifPresent(l -> report.parameter("server_open_files_limit", l));
        if (sockets > socketsWithin(limit)) {
            report.error("the server's open-files limit (" + limit.getAsLong() + ") is below "
                    + sockets + " connections + " + RESERVED + " reserved: expect refused connections");
        }
    }

    /**
     * Fails with a clear message when {@code sockets} don't fit in the soft limit of {@code pid}.
     *
     * @param who "worker" or "server", for the message
     */
    public static void require(String pid, long sockets, String who) {
        OptionalLong limit = of(pid);
        if (sockets > socketsWithin(limit)) {
            throw new IllegalArgumentException(who + " would hold " + sockets + " sockets but its open-files limit"
                    + " (RLIMIT_NOFILE, see /proc/" + pid + "/limits) is " + limit.getAsLong()
                    + "; use more --workers, fewer connections, or raise it with ulimit -n");
        }
    }
}
