/**
 * Checking webhook signatures (with key rotation) and parsing webhook bodies into typed events.
 *
 * <p>Start with {@link io.herald.sdk.webhook.WebhookValidator}: give it the raw body and the two
 * headers, answer 401 unless the {@link io.herald.sdk.webhook.Webhook} is valid, then switch over its
 * {@link io.herald.sdk.webhook.WebhookEvent}s.
 */
package io.herald.sdk.webhook;
