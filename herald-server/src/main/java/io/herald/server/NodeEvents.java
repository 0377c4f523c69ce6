package io.herald.server;

import io.herald.server.app.App;
import io.herald.server.app.AppCatalog;
import io.herald.server.cluster.ClusterListener;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.session.Connection;
import io.herald.server.session.SessionEvents;
import io.herald.server.session.SubscriptionCounts;
import io.herald.server.session.Watchlists;
import io.herald.server.webhook.WebhookDispatcher;
import java.util.function.Consumer;

/**
 * Routes what the cluster and the sessions report to the parts that act on it: webhooks,
 * watchlists, subscription counts and the debug console's feed. Never blocks; unknown app ids (a
 * stale report) are ignored.
 */
final class NodeEvents implements ClusterListener, SessionEvents {

    private final AppCatalog apps;
    private final WebhookDispatcher webhooks;
    private final Watchlists watchlists;
    private final ConsoleFeed console;
    private SubscriptionCounts counts;

    NodeEvents(AppCatalog apps, WebhookDispatcher webhooks, Watchlists watchlists, ConsoleFeed console) {
        this.apps = apps;
        this.console = console;
        this.webhooks = webhooks;
        this.watchlists = watchlists;
    }

    /** Set once during start-up: the counter needs the adapter this listener is given to. */
    void counts(SubscriptionCounts counts) {
        this.counts = counts;
    }

    @Override
    public void appChanged(String appId) {
        apps.changedElsewhere(appId);
    }

    private void withApp(String appId, Consumer<App> action) {
        apps.findById(appId).ifPresent(action);
    }

    @Override
    public void channelOccupied(String appId, String channel) {
        withApp(appId, app -> webhooks.channelOccupied(app, channel));
        console.channelOccupied(appId, channel);
    }

    @Override
    public void channelVacated(String appId, String channel) {
        withApp(appId, app -> webhooks.channelVacated(app, channel));
        console.channelVacated(appId, channel);
    }

    @Override
    public void memberAdded(String appId, String channel, String userId) {
        withApp(appId, app -> webhooks.memberAdded(app, channel, userId));
        console.memberAdded(appId, channel, userId);
    }

    @Override
    public void memberRemoved(String appId, String channel, String userId) {
        withApp(appId, app -> webhooks.memberRemoved(app, channel, userId));
        console.memberRemoved(appId, channel, userId);
    }

    @Override
    public void subscriptionCountChanged(String appId, String channel) {
        withApp(appId, app -> counts.changed(app, channel));
    }

    @Override
    public void userOnline(String appId, String userId) {
        watchlists.userOnline(appId, userId);
    }

    @Override
    public void userOffline(String appId, String userId) {
        watchlists.userOffline(appId, userId);
    }

    @Override
    public void clientEvent(App app, String channel, String event, String data, String socketId, String userId) {
        webhooks.clientEvent(app, channel, event, data, socketId, userId);
        console.clientEvent(app.id(), channel, event, data, socketId, userId);
    }

    @Override
    public void cacheMiss(App app, String channel) {
        webhooks.cacheMiss(app, channel);
    }

    @Override
    public void connectionOpened(Connection connection) {
        if (console.active()) { // the address is a new String: only made when someone watches
            console.connectionOpened(connection.app().id(), connection.socketId(), connection.origin(),
                    connection.remoteAddress());
        }
    }

    @Override
    public void connectionClosed(Connection connection) {
        console.connectionClosed(connection.app().id(), connection.socketId());
    }

    @Override
    public void subscribed(Connection connection, String channel) {
        console.subscribed(connection.app().id(), connection.socketId(), channel);
    }

    @Override
    public void unsubscribed(Connection connection, String channel) {
        console.unsubscribed(connection.app().id(), connection.socketId(), channel);
    }

    @Override
    public void consoleWatched(String appId) {
        console.watchedElsewhere(appId);
    }

    @Override
    public void consoleEntry(String appId, String entry) {
        console.entryFromElsewhere(appId, entry);
    }
}
