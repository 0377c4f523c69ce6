package io.herald.server.channel;

import java.util.List;

/**
 * What joining a channel did.
 *
 * @param channel the channel, or {@code null} when the join was refused
 * @param refusal why it was refused, or {@code null}
 * @param occupied this subscriber made the channel occupied (for occupancy webhooks)
 * @param arrival the presence member this node gained (to announce), or {@code null}
 * @param members the channel's presence members on this node right after the join, taken while
 *     other joins and leaves waited: the joiner's list, consistent with what {@link #arrival} and
 *     later changes announce
 * @param subscriber who joined
 * @param member the presence user it joined as, else {@code null}
 */
public record JoinResult(Channel channel, String refusal, boolean occupied, MemberChange arrival,
                         List<PresenceMember> members, Subscriber subscriber, PresenceMember member) {

    static JoinResult refused(String reason, Subscriber subscriber, PresenceMember member) {
        return new JoinResult(null, reason, false, null, List.of(), subscriber, member);
    }

    public boolean isRefused() {
        return refusal != null;
    }

    /** The presence user was not a member here before. */
    public boolean memberAdded() {
        return arrival != null;
    }
}
