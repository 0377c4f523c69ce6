package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.herald.client.internal.Callbacks;
import io.herald.client.internal.Frames;
import io.herald.protocol.PusherEvents;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A presence channel: who is here, and callbacks when users come and go (per user, not per connection).
 * The member list is a snapshot that may be read from any thread; it is filled on subscription and
 * cleared when the connection drops.
 */
public final class PresenceChannel extends Channel {

    private final List<PresenceListener> presenceListeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Member> members = Map.of();
    private volatile String myUserId;

    PresenceChannel(HeraldRealtime client, String name) {
        super(client, name);
    }

    /**
     * The users present now, this client's user included, in the order the server listed them.
     *
     * @return an unmodifiable snapshot; empty until subscribed and after the connection drops
     */
    public Collection<Member> members() {
        return members.values();
    }

    /**
     * Looks up one present user.
     *
     * @param userId the user's id
     * @return the member, or {@code null} when that user is not present
     */
    public Member member(String userId) {
        return members.get(userId);
    }

    /** @return this client's own member entry once subscribed; otherwise {@code null} */
    public Member me() {
        String id = myUserId;
        return id == null ? null : members.get(id);
    }

    /**
     * Adds a listener for users joining and leaving.
     *
     * @param listener called on the client's event thread
     * @return this channel
     */
    public PresenceChannel addPresenceListener(PresenceListener listener) {
        presenceListeners.add(listener);
        return this;
    }

    /**
     * Removes a presence listener added before; unknown ones are ignored.
     *
     * @param listener the listener to remove
     * @return this channel
     */
    public PresenceChannel removePresenceListener(PresenceListener listener) {
        presenceListeners.remove(listener);
        return this;
    }

    // Event thread only below.

    @Override
    boolean authorized(AuthorizationResult result) {
        try {
            myUserId = result.channelData() == null ? null
                    : JSON.readTree(result.channelData()).path("user_id").asText(null);
        } catch (IOException e) {
            myUserId = null;
        }
        if (myUserId == null) {
            subscriptionFailed(0, "authorization for " + name() + " has no channel_data with a user_id");
            return false;
        }
        return true;
    }

    @Override
    void subscriptionSucceeded(JsonNode data) {
        JsonNode presence = data.path("presence");
        Map<String, Member> loaded = new LinkedHashMap<>();
        for (JsonNode id : presence.path("ids")) {
            loaded.put(id.asText(), new Member(id.asText(), info(presence.path("hash").get(id.asText()))));
        }
        members = Collections.unmodifiableMap(loaded);
        super.subscriptionSucceeded(data);
    }

    @Override
    void connectionLost() {
        super.connectionLost();
        members = Map.of();
    }

    @Override
    void handleProtocolEvent(String event, String data) {
        if (PusherEvents.MEMBER_ADDED.equals(event)) {
            memberAdded(Frames.json(data));
        } else if (PusherEvents.MEMBER_REMOVED.equals(event)) {
            memberRemoved(Frames.json(data));
        } else {
            super.handleProtocolEvent(event, data);
        }
    }

    private void memberAdded(JsonNode data) {
        Member member = new Member(data.path("user_id").asText(), info(data.get("user_info")));
        Map<String, Member> updated = new LinkedHashMap<>(members);
        updated.put(member.id(), member);
        members = Collections.unmodifiableMap(updated);
        presenceListeners.forEach(l -> Callbacks.run("presence", () -> l.onMemberAdded(this, member)));
    }

    private void memberRemoved(JsonNode data) {
        String id = data.path("user_id").asText();
        Map<String, Member> updated = new LinkedHashMap<>(members);
        Member member = updated.remove(id);
        if (member == null) {
            return;
        }
        members = Collections.unmodifiableMap(updated);
        presenceListeners.forEach(l -> Callbacks.run("presence", () -> l.onMemberRemoved(this, member)));
    }

    private static JsonNode info(JsonNode info) {
        return info == null ? NullNode.getInstance() : info;
    }
}
