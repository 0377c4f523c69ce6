package io.herald.sdk.webhook;

/** Whether a webhook request can be trusted. Only {@link #VALID} requests are parsed. */
public enum WebhookVerdict {
    /** The key is known and the signature matches the body. */
    VALID,
    /** The key is known but the signature does not match (or is missing): answer 401. */
    BAD_SIGNATURE,
    /** The {@code X-Pusher-Key} header names no key this validator knows (or is missing): answer 401. */
    UNKNOWN_KEY
}
