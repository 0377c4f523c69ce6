package io.herald.testkit;

/** A throw-away Redis that tests started (one server or a Redis Cluster), named by its {@code redis-url}. */
public interface TestRedis extends AutoCloseable {

    /** The {@code redis-url} that reaches it. */
    String url();

    /** Stops it. */
    @Override
    void close();
}
