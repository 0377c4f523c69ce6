package io.herald.server.channel;

/**
 * What leaving a channel did.
 *
 * @param left the subscriber was subscribed and now is not
 * @param vacated the channel has no subscribers left (for vacancy webhooks)
 * @param memberRemoved the presence user's last connection left (announce {@code member_removed})
 */
public record LeaveResult(boolean left, boolean vacated, boolean memberRemoved) {

    static final LeaveResult NOT_SUBSCRIBED = new LeaveResult(false, false, false);
}
