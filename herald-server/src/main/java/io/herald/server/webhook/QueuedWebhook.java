package io.herald.server.webhook;

/**
 * One webhook event waiting in a {@link WebhookQueue}.
 *
 * @param id unique within its queue and stable while it waits (a batch's id is made from these)
 * @param queuedAtMillis wall-clock time it was queued: the retry horizon counts from here
 * @param json the event object as sent in the request's {@code events} array
 */
public record QueuedWebhook(String id, long queuedAtMillis, String json) {
}
