package io.herald.server.app;

/** Hears every app that changed on this node, created, updated or deleted, once per change. */
@FunctionalInterface
public interface AppChangeListener {

    /**
     * @param before the app as it was, {@code null} when it is new
     * @param after the app as it is now, {@code null} when it was deleted
     */
    void changed(App before, App after);
}
