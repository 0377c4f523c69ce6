package io.herald.client;

import io.herald.client.internal.Callbacks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Listeners bound by event name and for every event; safe to change from any thread while dispatching. */
final class EventBindings {

    private final Map<String, List<EventListener>> named = new ConcurrentHashMap<>();
    private final List<EventListener> global = new CopyOnWriteArrayList<>();

    void bind(String event, EventListener listener) {
        named.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(listener);
    }

    void unbind(String event, EventListener listener) {
        List<EventListener> listeners = named.get(event);
        if (listeners != null) {
            listeners.remove(listener);
        }
    }

    void bindGlobal(EventListener listener) {
        global.add(listener);
    }

    void unbindGlobal(EventListener listener) {
        global.remove(listener);
    }

    /** Listeners for the event's name first, then the global ones; each isolated from the others. */
    void dispatch(PusherEvent event) {
        List<EventListener> listeners = named.get(event.event());
        if (listeners != null) {
            listeners.forEach(l -> Callbacks.run("event", () -> l.onEvent(event)));
        }
        global.forEach(l -> Callbacks.run("event", () -> l.onEvent(event)));
    }
}
