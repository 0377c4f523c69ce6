package io.herald.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What to do after the connection closed, from the close code's range (PROTOCOL.md): 4000–4099 don't
 * retry as is, 4100–4199 back off, 4200–4299 reconnect at once; anything else (1006, a server that is
 * gone, a failed handshake) backs off exponentially with jitter up to a cap.
 */
public final class ReconnectPolicy {

    /** The decision for one close. */
    public enum Action { FAIL, BACKOFF, IMMEDIATE }

    private final Duration initialDelay;
    private final Duration maxDelay;

    public ReconnectPolicy(Duration initialDelay, Duration maxDelay) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    public static Action actionFor(int closeCode) {
        if (closeCode >= 4000 && closeCode <= 4099) {
            return Action.FAIL;
        }
        if (closeCode >= 4200 && closeCode <= 4299) {
            return Action.IMMEDIATE;
        }
        return Action.BACKOFF;
    }

    /**
     * The wait before attempt {@code attempt} (0 = first retry): {@code initial × 2^attempt} capped at the
     * maximum, of which the upper half is random so that many clients don't return in lockstep.
     */
    public Duration backoff(int attempt) {
        long cap = maxDelay.toMillis();
        long base = Math.min(cap, initialDelay.toMillis() << Math.min(attempt, 20));
        long half = base / 2;
        return Duration.ofMillis(base - half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
