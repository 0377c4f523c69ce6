/**
 * Structured UI notifications (toast, download link, navigate, info, audio, data) in the two
 * versions of the Go notification package built on Pusher, with its JSON on the wire.
 *
 * <p>Start with {@link io.herald.sdk.notification.NotificationEvent}: its factories build version-1
 * events ({@code toast}, {@code download}) and version-2 events ({@code of}) from
 * {@link io.herald.sdk.notification.NotificationAction}s. Send one with
 * {@link io.herald.sdk.HeraldRest#sendNotification(String, String, NotificationEvent)} over Channels, or
 * with {@link io.herald.sdk.push.HeraldPush#sendNotification} as a push notification. Every value is
 * immutable and checked when built: bad input is an {@link io.herald.sdk.HeraldValidationException}.
 */
package io.herald.sdk.notification;
