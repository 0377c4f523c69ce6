package io.herald.server.api;

import java.util.concurrent.ThreadLocalRandom;

/** Ids for accepted events: 128 random bits in hex, unique across nodes without coordination. */
final class EventIds {

    private EventIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
