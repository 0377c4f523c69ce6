package io.herald.server.metrics;

/**
 * What {@link NodeMetrics} reads from the running node when Prometheus scrapes: each call is cheap,
 * touches no network and may come from any thread.
 */
public interface AppGauges {

    /** Reads nothing: every value 0. */
    AppGauges NONE = new AppGauges() {
    };

    /** Connections of the app open on this node. */
    default long connections(String appId) {
        return 0;
    }

    /** Occupied channels of the app on this node. */
    default long channels(String appId) {
        return 0;
    }

    /** Members of the app's presence channels on this node, counted once per channel. */
    default long presenceMembers(String appId) {
        return 0;
    }

    /** The app's webhook events so far, over all its endpoints. */
    default WebhookCounts webhooks(String appId) {
        return WebhookCounts.ZERO;
    }

    /**
     * Webhook events of one app, all endpoints together.
     *
     * @param queued handed to an endpoint's queue
     * @param sent delivered (2xx)
     * @param failed given up after their retries
     * @param dropped refused because the queue was full
     * @param depth waiting now, as last known
     */
    record WebhookCounts(long queued, long sent, long failed, long dropped, long depth) {
        public static final WebhookCounts ZERO = new WebhookCounts(0, 0, 0, 0, 0);

        public WebhookCounts plus(WebhookCounts o) {
            return new WebhookCounts(queued + o.queued, sent + o.sent, failed + o.failed, dropped + o.dropped,
                    depth + o.depth);
        }
    }
}
