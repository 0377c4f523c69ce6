package io.herald.sdk.webhook;

import java.util.List;

/**
 * The outcome of checking a webhook request. When {@link #verdict()} is {@link WebhookVerdict#VALID},
 * {@link #timeMs()} and {@link #events()} hold the parsed body; otherwise they are empty.
 *
 * @param verdict whether the request is authentic
 * @param timeMs when the server sent it (milliseconds since the epoch), 0 unless valid
 * @param events the events in the order sent
 */
public record Webhook(WebhookVerdict verdict, long timeMs, List<WebhookEvent> events) {

    /**
     * Copies the events.
     *
     * @param verdict whether the request is authentic
     * @param timeMs when the server sent it, in milliseconds since the epoch
     * @param events the events; copied, must not be null
     */
    public Webhook {
        events = List.copyOf(events);
    }

    /** @return true when the verdict is {@link WebhookVerdict#VALID} */
    public boolean isValid() {
        return verdict == WebhookVerdict.VALID;
    }

    static Webhook refused(WebhookVerdict verdict) {
        return new Webhook(verdict, 0, List.of());
    }
}
