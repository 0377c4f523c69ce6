package io.herald.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.channel.PresenceMember;

/**
 * A presence change as it crosses nodes on the Redis events channel, decided cluster-wide by the node
 * that sends it: each other node announces it to its own subscribers of the channel.
 *
 * @param nodeId the node that decided it
 * @param appId the app
 * @param channel the presence channel
 * @param member who; the user info matters only for an arrival
 * @param added joined, else left
 * @param seq the change's presence sequence number, 0 when it has none
 */
record MemberEnvelope(String nodeId, String appId, String channel, PresenceMember member, boolean added, long seq) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a message on the events channel is a member change rather than an {@link Envelope}. */
    static boolean isMemberChange(JsonNode message) {
        return message.has("m");
    }

    String encode() {
        ObjectNode node = JSON.createObjectNode()
                .put("n", nodeId).put("a", appId).put("c", channel).put("m", added ? "+" : "-")
                .put("u", member.userId()).put("s", seq);
        if (added) {
            node.set("i", member.userInfo());
        }
        return node.toString();
    }

    static MemberEnvelope decode(JsonNode node) {
        String kind = node.path("m").asText();
        if (!kind.equals("+") && !kind.equals("-")) {
            throw new IllegalArgumentException("not a member change: " + kind);
        }
        return new MemberEnvelope(node.path("n").asText(), node.path("a").asText(), node.path("c").asText(),
                new PresenceMember(node.path("u").asText(), node.path("i")), kind.equals("+"), node.path("s").asLong());
    }
}
