package io.herald.server.channel;

import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A presence member this node gained (the user's first connection here joined) or lost (its last one
 * here left), as the adapter is told of it: it decides whether the change holds for the whole cluster
 * and announces it ({@code member_added}, {@code member_removed}) to the channel's other subscribers.
 *
 * @param channel the channel on this node
 * @param member who; on a departure the user info is a JSON null
 * @param added joined, else left
 * @param socketId the connection that made the change, told nothing of it
 * @param upToJoin the subscribers here who joined up to this number ({@link Channel#broadcast(io.netty.buffer.ByteBuf,
 *     String, long)}) are the ones whose member list predates the change: only they are told of it, so
 *     a later joiner, which lists the change already, never hears of it a second time
 */
public record MemberChange(Channel channel, PresenceMember member, boolean added, String socketId, long upToJoin) {

    static MemberChange departure(Channel channel, String userId, String socketId) {
        return new MemberChange(channel, new PresenceMember(userId, NullNode.getInstance()), false, socketId,
                channel.lastJoin());
    }

    public String userId() {
        return member.userId();
    }
}
