/**
 * Structured UI notifications (toast, download link, navigate, info, audio, data) in the two
 * versions of the Go notification package built on Pusher, with its JSON on the wire.
 */
package io.herald.sdk.notification;
