package io.herald.server.cluster;

import io.herald.server.message.OutboundEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The last event of each cache channel on this node, kept for a fixed time. Expired entries are
 * dropped when read and swept every {@value #SWEEP_EVERY} writes, so channels that are never read
 * again don't hold memory for ever. Thread-safe.
 */
final class EventCache {

    static final int SWEEP_EVERY = 1024;

    private record Entry(OutboundEvent event, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    EventCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    void put(String appId, OutboundEvent event) {
        long now = nanoTime.getAsLong();
        entries.put(key(appId, event.channel()), new Entry(event, now + ttlNanos));
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            entries.values().removeIf(e -> e.expiresAtNanos - now <= 0);
        }
    }

    Optional<CachedEvent> get(String appId, String channel) {
        String key = key(appId, channel);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        long remaining = entry.expiresAtNanos - nanoTime.getAsLong();
        if (remaining <= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(new CachedEvent(entry.event, Duration.ofNanos(remaining)));
    }

    private static String key(String appId, String channel) {
        return appId + '\u0000' + channel;
    }
}
