package io.herald.push.data;

/**
 * A webhook post claimed from {@link WebhookOutbox}.
 *
 * @param attempts this try's number, from 1
 */
public record QueuedWebhook(long id, String instanceId, String publishId, String url, String body, int attempts) {
}
