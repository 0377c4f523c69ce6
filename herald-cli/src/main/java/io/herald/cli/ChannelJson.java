package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.ChannelInfo;
import java.util.Map;
import java.util.TreeMap;

/** Channel attributes as the commands print them: only those the server reported. */
final class ChannelJson {

    private ChannelJson() {
    }

    /** {@code {"name":{"user_count":…},…}}, sorted by name. */
    static ObjectNode infos(Map<String, ChannelInfo> channels) {
        ObjectNode node = Json.object();
        new TreeMap<>(channels).forEach((name, info) -> node.set(name, attributes(info)));
        return node;
    }

    /** {@code {"occupied":…,"user_count":…,"subscription_count":…}} without the attributes that are null. */
    static ObjectNode attributes(ChannelInfo info) {
        ObjectNode node = Json.object();
        if (info.occupied() != null) {
            node.put("occupied", info.occupied());
        }
        if (info.userCount() != null) {
            node.put("user_count", info.userCount());
        }
        if (info.subscriptionCount() != null) {
            node.put("subscription_count", info.subscriptionCount());
        }
        return node;
    }
}
