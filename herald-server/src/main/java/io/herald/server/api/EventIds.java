package io.herald.server.api;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Ids for accepted events: 128 random bits in hex, unique across nodes without coordination. */
final class EventIds {

    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {
    }

    /** 32 lower-case hex digits; {@code HexFormat} rather than {@code String.format}, which parses its pattern per call. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
