package io.herald.client;

/**
 * Hears presence changes: a user's first connection joining, a user's last connection leaving. Called
 * on the client's event thread: return quickly and never block.
 */
public interface PresenceListener {

    /**
     * A user joined: its first connection subscribed to the channel.
     *
     * @param channel the presence channel
     * @param member the user who joined, already in {@link PresenceChannel#members()}
     */
    void onMemberAdded(PresenceChannel channel, Member member);

    /**
     * A user left: its last connection to the channel went away.
     *
     * @param channel the presence channel
     * @param member the user who left, no longer in {@link PresenceChannel#members()}
     */
    void onMemberRemoved(PresenceChannel channel, Member member);
}
