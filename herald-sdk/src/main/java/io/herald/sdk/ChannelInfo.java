package io.herald.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the API reports about a channel. Attributes that were not asked for (or that the server
 * did not send) are {@code null}.
 *
 * @param name the channel name
 * @param occupied whether anyone is subscribed; {@code null} where the API doesn't say (trigger info)
 * @param userCount distinct users of a presence channel
 * @param subscriptionCount connections subscribed
 */
public record ChannelInfo(String name, Boolean occupied, Integer userCount, Integer subscriptionCount) {

    static ChannelInfo parse(String name, JsonNode node) {
        return new ChannelInfo(name,
                node.hasNonNull("occupied") ? node.get("occupied").asBoolean() : null,
                node.hasNonNull("user_count") ? node.get("user_count").asInt() : null,
                node.hasNonNull("subscription_count") ? node.get("subscription_count").asInt() : null);
    }
}
