package io.herald.server.cluster;

import io.herald.server.message.OutboundEvent;
import java.time.Duration;

/**
 * The last event of a cache channel and how long it is kept from now.
 *
 * @param event the event as it was published (its data already encoded)
 * @param remaining time until it expires
 */
public record CachedEvent(OutboundEvent event, Duration remaining) {
}
