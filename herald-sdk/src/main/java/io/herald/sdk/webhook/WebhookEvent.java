package io.herald.sdk.webhook;

/**
 * One event of a webhook. Switch on the record type; {@link Unknown} keeps events of types this
 * SDK does not know yet, so a newer server never breaks an older app.
 */
public sealed interface WebhookEvent {

    /** @return the channel the event concerns */
    String channel();

    /** {@code channel_occupied}: the first connection subscribed. */
    record ChannelOccupied(String channel) implements WebhookEvent {
    }

    /** {@code channel_vacated}: the last connection left. */
    record ChannelVacated(String channel) implements WebhookEvent {
    }

    /** {@code member_added}: a user's first connection joined a presence channel. */
    record MemberAdded(String channel, String userId) implements WebhookEvent {
    }

    /** {@code member_removed}: a user's last connection left a presence channel. */
    record MemberRemoved(String channel, String userId) implements WebhookEvent {
    }

    /**
     * {@code client_event}: a client sent {@code event} on the channel.
     *
     * @param data the event data as sent (a JSON string; encrypted on encrypted channels)
     * @param userId the sender on presence channels, else {@code null}
     */
    record ClientEvent(String channel, String event, String data, String socketId, String userId) implements WebhookEvent {
    }

    /** {@code cache_miss}: a subscriber joined a cache channel that had no cached event. */
    record CacheMiss(String channel) implements WebhookEvent {
    }

    /** {@code subscription_count}: the number of connections subscribed changed. */
    record SubscriptionCount(String channel, int subscriptionCount) implements WebhookEvent {
    }

    /** An event type this SDK doesn't model; {@code json} is the raw event object. */
    record Unknown(String name, String channel, String json) implements WebhookEvent {
    }
}
