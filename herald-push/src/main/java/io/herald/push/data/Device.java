package io.herald.push.data;

/**
 * A registered browser: its Web Push subscription and what Beams keeps about it.
 *
 * @param id the device id handed to the web SDK
 * @param endpoint the push service URL of the subscription
 * @param p256dh the browser's public key (base64url)
 * @param auth the browser's authentication secret (base64url)
 * @param userId the user it belongs to, or {@code null}
 * @param sdkVersion the web SDK's version, or {@code null}
 */
public record Device(String id, String endpoint, String p256dh, String auth, String userId, String sdkVersion) {
}
