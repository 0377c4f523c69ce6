package io.herald.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.message.OutboundEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final EventCache cache = new EventCache(Duration.ofSeconds(10), now::get);

    @Test
    void keepsTheLastEventPerAppAndChannelWithTheTimeLeft() {
        cache.put("a", event("cache-x", "first"));
        cache.put("a", event("cache-x", "second"));
        cache.put("b", event("cache-x", "other app"));
        now.addAndGet(Duration.ofSeconds(4).toNanos());

        CachedEvent cached = cache.get("a", "cache-x").orElseThrow();

        assertThat(cached.event().event()).isEqualTo("second");
        assertThat(cached.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(cache.get("b", "cache-x").orElseThrow().event().event()).isEqualTo("other app");
        assertThat(cache.get("a", "cache-y")).isEmpty();
    }

    @Test
    void anExpiredEventIsGone() {
        cache.put("a", event("cache-x", "old"));
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(cache.get("a", "cache-x")).isEmpty();
    }

    @Test
    void expiredEntriesOfChannelsNobodyReadsAreSweptOnWrites() {
        cache.put("a", event("cache-forgotten", "old"));
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        for (int i = 0; i < EventCache.SWEEP_EVERY; i++) {
            cache.put("a", event("cache-busy", "e" + i));
        }
        now.set(now.get() - Duration.ofSeconds(11).toNanos()); // back in time: only a swept entry is missing

        assertThat(cache.get("a", "cache-forgotten")).isEmpty();
    }

    private static OutboundEvent event(String channel, String name) {
        return OutboundEvent.server(channel, name, "{}", null);
    }
}
