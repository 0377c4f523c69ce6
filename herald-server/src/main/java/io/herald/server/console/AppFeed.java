package io.herald.server.console;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One watched app on this node: the consoles watching it here, until when consoles on other nodes
 * watch it (as they last announced), and the rate budget of the entries this node reports for it.
 */
final class AppFeed {

    private static final long SECOND = 1_000_000_000L;

    final String appId;
    final List<ConsoleWatcher> watchers = new CopyOnWriteArrayList<>();
    /** {@link System#nanoTime()} until which another node's console watches; 0 when none did. */
    volatile long watchedElsewhereUntil;
    private final int maxRate;
    /** Guarded by {@code this}. */
    private long windowStart;
    private int inWindow;
    private int skipped;

    AppFeed(String appId, int maxRate) {
        this.appId = appId;
        this.maxRate = maxRate;
    }

    boolean watchedElsewhere(long now) {
        return watchedElsewhereUntil - now > 0;
    }

    boolean watched(long now) {
        return !watchers.isEmpty() || watchedElsewhere(now);
    }

    /**
     * Takes one entry's share of the rate: -1 when this second's budget is spent (the entry is
     * skipped and counted), else how many were skipped before it and not yet reported.
     */
    synchronized int admit(long now) {
        if (now - windowStart >= SECOND) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow >= maxRate) {
            skipped++;
            return -1;
        }
        inWindow++;
        int before = skipped;
        skipped = 0;
        return before;
    }

    /** Entries skipped by the rate and not yet reported; resets the count. */
    synchronized int takeSkipped() {
        int before = skipped;
        skipped = 0;
        return before;
    }
}
