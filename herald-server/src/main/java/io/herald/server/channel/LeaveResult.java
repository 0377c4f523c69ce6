package io.herald.server.channel;

/**
 * What leaving a channel did.
 *
 * @param left the subscriber was subscribed and now is not
 * @param vacated the channel has no subscribers left (for vacancy webhooks)
 * @param departure the presence member this node lost, its user's last connection here (to announce),
 *     or {@code null}
 * @param subscriber who left
 */
public record LeaveResult(boolean left, boolean vacated, MemberChange departure, Subscriber subscriber) {

    /** The presence user's last connection here left. */
    public boolean memberRemoved() {
        return departure != null;
    }
}
