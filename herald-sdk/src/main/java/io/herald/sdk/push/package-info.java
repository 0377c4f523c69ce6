/**
 * Push notifications through the Beams APIs, served by Herald or by hosted Pusher Beams:
 * {@link io.herald.sdk.push.HeraldPush} (the client) with its {@link io.herald.sdk.push.HeraldPushOptions},
 * the publish body ({@link io.herald.sdk.push.PublishRequest}, {@link io.herald.sdk.push.WebNotification}),
 * the Beams rules for targets ({@link io.herald.sdk.push.PushTargets}), tokens
 * ({@link io.herald.sdk.push.BeamsToken}) and a publish's delivery status
 * ({@link io.herald.sdk.push.PublishStatus}). Errors are the SDK's exceptions, rooted at
 * {@link io.herald.protocol.HeraldException}.
 *
 * <p>Start with {@link io.herald.sdk.push.HeraldPush}: its class comment has a complete example. Point
 * {@link io.herald.sdk.push.HeraldPushOptions.Builder#baseUrl(String)} at Herald to publish there; left
 * unset, it talks to hosted Pusher Beams.
 */
package io.herald.sdk.push;
