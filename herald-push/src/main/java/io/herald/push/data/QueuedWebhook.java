package io.herald.push.data;

/**
 * A webhook post claimed from {@link WebhookOutbox}.
 *
 * @param headers a JSON object of the post's own headers, or {@code null}
 * @param attempts this try's number, from 1
 */
public record QueuedWebhook(long id, String instanceId, String publishId, String url, String headers, String body,
                            int attempts) {
}
