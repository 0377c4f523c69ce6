package io.herald.testkit;

import java.time.Duration;

/**
 * Retries an assertion until it passes or the time is up, for state that settles asynchronously
 * (cluster state, a queue drained after the receiver has answered).
 */
public final class Eventually {

    private Eventually() {
    }

    public static void check(Duration within, Runnable assertion) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
