package io.herald.server.api;

import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.server.cluster.ChannelSummary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;

/** The {@code info} parameter: which channel attributes a response should carry. */
final class InfoAttributes {

    enum Attribute {
        USER_COUNT("user_count"), SUBSCRIPTION_COUNT("subscription_count"), CACHE("cache");

        final String wireName;

        Attribute(String wireName) {
            this.wireName = wireName;
        }
    }

    private final Set<Attribute> attributes;

    private InfoAttributes(Set<Attribute> attributes) {
        this.attributes = attributes;
    }

    /** Parses {@code user_count,subscription_count}; unknown names are a 400. */
    static InfoAttributes parse(String info) {
        Set<Attribute> set = EnumSet.noneOf(Attribute.class);
        if (info != null && !info.isBlank()) {
            for (String name : info.split(",")) {
                set.add(find(name.trim()));
            }
        }
        return new InfoAttributes(set);
    }

    private static Attribute find(String name) {
        for (Attribute a : Attribute.values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        throw ApiException.badRequest("info: unknown attribute '" + name + "' (known: user_count, subscription_count, cache)");
    }

    boolean isEmpty() {
        return attributes.isEmpty();
    }

    boolean has(Attribute attribute) {
        return attributes.contains(attribute);
    }

    /** user_count is only defined for presence channels; asking it of another is a 400. */
    void requirePresenceForUserCount(String channel) {
        if (has(Attribute.USER_COUNT) && ChannelName.typeOf(channel) != ChannelType.PRESENCE) {
            throw ApiException.badRequest("info=user_count is only available for presence channels, not " + channel);
        }
    }

    /** Writes the requested attributes of a channel (zeros when it is unoccupied). */
    void write(ObjectNode target, String channel, ChannelSummary summary) {
        if (has(Attribute.USER_COUNT) && ChannelName.typeOf(channel) == ChannelType.PRESENCE) {
            target.put("user_count", summary == null ? 0 : summary.userCount());
        }
        if (has(Attribute.SUBSCRIPTION_COUNT)) {
            target.put("subscription_count", summary == null ? 0 : summary.subscriptionCount());
        }
    }
}
