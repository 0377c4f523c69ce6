package io.herald.server.app;

import java.util.List;

/**
 * Where the apps of a node are kept: the configuration file, or a database shared by the nodes
 * (herald-apps). Every method may block (JDBC): call them from a thread of their own, never an
 * event loop. Failures are {@link AppSourceException}s.
 */
public interface AppSource extends AutoCloseable {

    /** What the apps come from, for logs and errors ({@code "the configuration file"}). */
    String description();

    /** Every app, as stored now. */
    List<App> load();

    /**
     * A number that changes whenever an app changes, cheap to read: nodes compare it periodically
     * and load again when it moved, so changes reach them even without a cluster adapter.
     */
    long version();

    /** Adds an app; its id and key must be new (409 otherwise). */
    void create(App app);

    /** Replaces the app with {@code app.id()} (404 when there is none, 409 when the key is taken). */
    void update(App app);

    /** Removes the app; false when there was none. */
    boolean delete(String id);

    @Override
    void close();
}
