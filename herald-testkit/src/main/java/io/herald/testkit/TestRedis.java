package io.herald.testkit;

/** A throw-away Redis that tests started (one server or a Redis Cluster), named by its {@code redis-url}. */
public interface TestRedis extends AutoCloseable {

    /** The {@code redis-url} that reaches it. */
    String url();

    /** Kills every server at once (SIGKILL), as a crash would. */
    void kill();

    /** Starts the servers again, on the same ports, empty, and waits until they serve. */
    void restart();

    /** Stops it. */
    @Override
    void close();
}
