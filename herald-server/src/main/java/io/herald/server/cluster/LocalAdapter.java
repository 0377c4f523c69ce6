package io.herald.server.cluster;

import io.herald.server.channel.Channel;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.channel.ChannelRegistry;
import io.herald.server.channel.PresenceMember;
import io.herald.server.message.Frames;
import io.herald.server.message.OutboundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A cluster of one: events go to this node's subscribers, queries read this node's channels. */
public final class LocalAdapter implements Adapter {

    private final ChannelRegistries registries;

    public LocalAdapter(ChannelRegistries registries) {
        this.registries = registries;
    }

    @Override
    public void publish(String appId, OutboundEvent event) {
        Channel channel = registries.forApp(appId).find(event.channel());
        if (channel != null) {
            channel.broadcast(Frames.encode(event), event.excludeSocketId());
        }
    }

    @Override
    public CompletableFuture<List<ChannelSummary>> channels(String appId, String prefix) {
        List<ChannelSummary> result = new ArrayList<>();
        for (Channel channel : registries.forApp(appId).channels()) {
            if (channel.name().startsWith(prefix)) {
                result.add(summarize(channel));
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Optional<ChannelSummary>> channel(String appId, String name) {
        Channel channel = registries.forApp(appId).find(name);
        return CompletableFuture.completedFuture(Optional.ofNullable(channel).map(LocalAdapter::summarize));
    }

    @Override
    public CompletableFuture<List<String>> presenceUserIds(String appId, String name) {
        ChannelRegistry registry = registries.forApp(appId);
        Channel channel = registry.find(name);
        List<String> ids = new ArrayList<>();
        if (channel != null) {
            for (PresenceMember member : channel.members()) {
                ids.add(member.userId());
            }
        }
        return CompletableFuture.completedFuture(ids);
    }

    private static ChannelSummary summarize(Channel channel) {
        return new ChannelSummary(channel.name(), channel.subscriptionCount(), channel.memberCount());
    }

    @Override
    public void close() {
        // nothing held beyond this node's memory
    }
}
