package io.herald.redis;

import java.time.Duration;

/** Retries an assertion until it passes or the time is up (cluster state converges asynchronously). */
final class Eventually {

    private Eventually() {
    }

    static void check(Duration within, Runnable assertion) {
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
