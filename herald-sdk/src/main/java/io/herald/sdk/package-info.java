/**
 * The Herald server SDK for the Channels HTTP API, which Herald and Pusher Channels both serve:
 * publish events, query channels and users, act on users, and answer your app's auth endpoints.
 *
 * <p>Start with {@link io.herald.sdk.HeraldRest} (the facade; it has a complete example) and its
 * immutable {@link io.herald.sdk.HeraldRestOptions}, built with a builder, from a URL or from the
 * {@code PUSHER_*} environment. Requests and results are values: {@link io.herald.sdk.Event},
 * {@link io.herald.sdk.TriggerResult}, {@link io.herald.sdk.BatchResult}, {@link io.herald.sdk.ChannelInfo},
 * {@link io.herald.sdk.ApiResponse}.
 *
 * <p>Every failure is an unchecked exception rooted at {@link io.herald.protocol.HeraldException}:
 * {@link io.herald.sdk.HeraldValidationException} (refused before sending),
 * {@link io.herald.sdk.HeraldHttpException} (a non-2xx answer; 401 is
 * {@link io.herald.sdk.HeraldAuthenticationException}) and {@link io.herald.sdk.HeraldNetworkException}
 * (no answer; {@link io.herald.sdk.HeraldTimeoutException} when it took too long).
 *
 * <p>The sibling packages: {@link io.herald.sdk.push} (push notifications through the Beams APIs),
 * {@link io.herald.sdk.notification} (structured UI notifications), {@link io.herald.sdk.auth} (the JSON
 * of auth endpoints), {@link io.herald.sdk.webhook} (checking and parsing webhooks) and
 * {@link io.herald.sdk.crypto} (end-to-end encrypted channels).
 */
package io.herald.sdk;
