package io.herald.server;

import io.herald.server.channel.ChannelRegistries;
import io.herald.server.metrics.AppGauges;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.webhook.WebhookDispatcher;

/** The node's live numbers that Prometheus reads per app: connections, channels, members, webhooks. */
final class NodeGauges implements AppGauges {

    private final ConnectionRegistry connections;
    private final ChannelRegistries channels;
    private final WebhookDispatcher webhooks;

    NodeGauges(ConnectionRegistry connections, ChannelRegistries channels, WebhookDispatcher webhooks) {
        this.connections = connections;
        this.channels = channels;
        this.webhooks = webhooks;
    }

    @Override
    public long connections(String appId) {
        return connections.count(appId);
    }

    @Override
    public long channels(String appId) {
        return channels.forApp(appId).channelCount();
    }

    @Override
    public long presenceMembers(String appId) {
        return channels.forApp(appId).presenceMemberCount();
    }

    @Override
    public WebhookCounts webhooks(String appId) {
        return webhooks.counts(appId);
    }
}
