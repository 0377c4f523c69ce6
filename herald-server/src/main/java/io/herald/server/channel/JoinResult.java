package io.herald.server.channel;

/**
 * What joining a channel did.
 *
 * @param channel the channel, or {@code null} when the join was refused
 * @param refusal why it was refused, or {@code null}
 * @param occupied this subscriber made the channel occupied (for occupancy webhooks)
 * @param memberAdded the presence user was not a member before (announce {@code member_added})
 */
public record JoinResult(Channel channel, String refusal, boolean occupied, boolean memberAdded) {

    static JoinResult refused(String reason) {
        return new JoinResult(null, reason, false, false);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
