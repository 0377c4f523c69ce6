package io.herald.push.data;

/**
 * What a publish sends to each web device.
 *
 * @param payload the JSON the service worker receives (before encryption)
 * @param ttlSeconds how long a push service may keep it, or {@code null} for the default
 */
public record Publication(String payload, Integer ttlSeconds) {
}
