package io.herald.sdk;

import io.herald.protocol.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One event to publish: its channels, name and data, optionally a socket id to leave out (the
 * sender's own connection) and the info attributes to report back ({@code user_count},
 * {@code subscription_count}). Immutable; the {@code excluding…}/{@code with…} methods return copies.
 *
 * <pre>{@code
 * client.trigger(Event.of("orders", "created", order).excludingSocket(socketId));
 * }</pre>
 *
 * <p>Data may be a {@link String} (sent as is) or any object (serialised with the client's
 * {@link JsonSerializer}).
 */
public final class Event {

    private final List<String> channels;
    private final String name;
    private final Object data;
    private final String socketId;
    private final Set<String> info;

    private Event(List<String> channels, String name, Object data, String socketId, Set<String> info) {
        // Copied with any null name in it, which publishing refuses like any bad name (List.copyOf would throw NPE).
        this.channels = Collections.unmodifiableList(new ArrayList<>(
                Check.notNull(channels, "channels", HeraldValidationException::new)));
        this.name = name;
        this.data = data;
        this.socketId = socketId;
        this.info = Collections.unmodifiableSet(new TreeSet<>(info)); // sorted: a stable info= parameter
    }

    /**
     * An event on one channel.
     *
     * @param channel the channel name; checked when published
     * @param name the event name; checked when published
     * @param data a {@link String} sent as is, or any object the serializer can write
     * @return the event
     * @throws HeraldValidationException when the channel is null
     */
    public static Event of(String channel, String name, Object data) {
        return of(List.of(Check.notNull(channel, "channel", HeraldValidationException::new)), name, data);
    }

    /**
     * An event on several channels (up to 100; an encrypted channel must be alone).
     *
     * @param channels the channel names; copied, checked when published
     * @param name the event name; checked when published
     * @param data a {@link String} sent as is, or any object the serializer can write
     * @return the event
     * @throws HeraldValidationException when the list is null
     */
    public static Event of(List<String> channels, String name, Object data) {
        return new Event(channels, name, data, null, Set.of());
    }

    /**
     * A copy that is not delivered to the connection with {@code socketId}, usually the sender's own.
     *
     * @param socketId the socket id, e.g. as the browser sent it; {@code null} excludes none
     * @return the copy; this event is unchanged
     */
    public Event excludingSocket(String socketId) {
        return new Event(channels, name, data, socketId, info);
    }

    /**
     * A copy that asks for channel attributes in the result.
     *
     * @param attributes e.g. {@code "user_count"}, {@code "subscription_count"}; added to those asked for already
     * @return the copy; this event is unchanged
     */
    public Event withInfo(String... attributes) {
        Set<String> merged = new TreeSet<>(info);
        merged.addAll(List.of(attributes));
        return new Event(channels, name, data, socketId, merged);
    }

    /** @return the channel names, unmodifiable */
    public List<String> channels() {
        return channels;
    }

    /** @return the event name */
    public String name() {
        return name;
    }

    /** @return the data, as given */
    public Object data() {
        return data;
    }

    /** @return the excluded socket id, or {@code null} */
    public String socketId() {
        return socketId;
    }

    /** @return the attributes asked for, sorted and unmodifiable */
    public Set<String> info() {
        return info;
    }

    @Override
    public String toString() {
        return "Event[" + name + " on " + channels + "]";
    }
}
