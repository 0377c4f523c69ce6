package io.herald.server;

import io.herald.protocol.ErrorCode;
import io.herald.server.app.App;
import io.herald.server.app.AppChangeListener;
import io.herald.server.session.Connection;
import io.herald.server.transport.ServerState;
import io.herald.server.webhook.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an app change does to this node at once: a deleted app's connections are closed with 4001, a
 * disabled app's with 4003; the connections of a changed app see its new settings (secret, limits);
 * its webhook endpoints follow. Connections of other apps are untouched. A lowered
 * {@code max-connections} refuses new connections only (the quota is checked on connect).
 */
final class AppChangeEffects implements AppChangeListener {

    private static final Logger log = LoggerFactory.getLogger(AppChangeEffects.class);

    private final ServerState state;
    private final WebhookDispatcher webhooks;

    AppChangeEffects(ServerState state, WebhookDispatcher webhooks) {
        this.state = state;
        this.webhooks = webhooks;
    }

    @Override
    public void changed(App before, App after) {
        String id = after != null ? after.id() : before.id();
        webhooks.appChanged(before, after);
        int closed = 0;
        for (Connection connection : state.connections()) {
            if (!connection.app().id().equals(id)) {
                continue;
            }
            if (after == null) {
                connection.close(ErrorCode.APP_NOT_FOUND, "Application does not exist: it was deleted");
                closed++;
            } else if (!after.enabled()) {
                connection.close(ErrorCode.APP_DISABLED, ErrorCode.APP_DISABLED.defaultMessage());
                closed++;
            } else {
                connection.useApp(after);
            }
        }
        if (closed > 0) {
            log.info("Closed {} connection(s) of app {}: it was {}", closed, id, after == null ? "deleted" : "disabled");
        }
    }
}
