package io.herald.client;

/**
 * Hears presence changes: a user's first connection joining, a user's last connection leaving. Called
 * on the client's event thread: return quickly and never block.
 */
public interface PresenceListener {

    void onMemberAdded(PresenceChannel channel, Member member);

    void onMemberRemoved(PresenceChannel channel, Member member);
}
