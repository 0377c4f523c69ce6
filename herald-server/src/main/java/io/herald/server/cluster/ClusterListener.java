package io.herald.server.cluster;

/**
 * What the {@link Adapter} decided for the whole cluster: channel occupancy and presence changes
 * (reported once, on one node: they drive webhooks) and users going online or offline (reported on
 * every node: each tells its own watchers). Departures ({@link #channelVacated}, {@link #memberRemoved})
 * are reported only when final, once the webhook grace passed without a return; a return within it
 * is not reported either. Called on event loops or adapter threads; implementations
 * must not block.
 */
public interface ClusterListener {

    void channelOccupied(String appId, String channel);

    void channelVacated(String appId, String channel);

    void memberAdded(String appId, String channel, String userId);

    void memberRemoved(String appId, String channel, String userId);

    /** A channel's subscriber count changed; read the current count with {@link Adapter#channel}. */
    void subscriptionCountChanged(String appId, String channel);

    /** The user's first connection anywhere signed in. */
    void userOnline(String appId, String userId);

    /** The user's last signed-in connection anywhere closed. */
    void userOffline(String appId, String userId);

    /** Debug console: a console on another node watches {@code appId} ({@link Adapter#announceConsoleWatch}). */
    default void consoleWatched(String appId) {
    }

    /** Debug console: a feed entry of {@code appId} from another node ({@link Adapter#publishConsoleEntry}). */
    default void consoleEntry(String appId, String entry) {
    }

    /** An app changed in the shared app store (on any node): load it again. */
    default void appChanged(String appId) {
    }

    /** A listener that ignores everything. */
    ClusterListener NONE = new ClusterListener() {
        @Override
        public void channelOccupied(String appId, String channel) {
        }

        @Override
        public void channelVacated(String appId, String channel) {
        }

        @Override
        public void memberAdded(String appId, String channel, String userId) {
        }

        @Override
        public void memberRemoved(String appId, String channel, String userId) {
        }

        @Override
        public void subscriptionCountChanged(String appId, String channel) {
        }

        @Override
        public void userOnline(String appId, String userId) {
        }

        @Override
        public void userOffline(String appId, String userId) {
        }
    };
}
