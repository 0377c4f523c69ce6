package io.herald.redis;

import java.time.Duration;

/**
 * The redis adapter's settings, read by {@link RedisSettings}.
 *
 * @param url the Redis every node of the cluster shares ({@code redis-url}); {@code null} only when the
 *            settings were checked for a node with another adapter
 * @param keyPrefix prefix of every key and pub/sub channel ({@code redis-key-prefix}), default {@link #DEFAULT_KEY_PREFIX}
 * @param nodeTimeout how long a node may miss heartbeats before the others remove its connections' state
 *                    ({@code node-timeout}), default {@link #DEFAULT_NODE_TIMEOUT}
 */
record RedisOptions(String url, String keyPrefix, Duration nodeTimeout) {

    /** Prefix of every Redis key and channel, so several Herald clusters can share one Redis. */
    static final String DEFAULT_KEY_PREFIX = "herald:";
    /** How long a node may miss its heartbeats before the others remove its connections' state. */
    static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(30);
}
