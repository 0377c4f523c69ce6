/**
 * What an app's auth endpoints return to pusher-js and the other clients: channel authorization
 * (private, presence and encrypted channels) and user sign-in JSON, signed locally with the app secret.
 *
 * <p>Usually reached through {@link io.herald.sdk.HeraldRest#authorizeChannel(String, String)} and
 * {@link io.herald.sdk.HeraldRest#authenticateUser(String, io.herald.sdk.auth.UserData)}; describe who
 * joins a presence channel with {@link io.herald.sdk.auth.PresenceData} and who signs in with
 * {@link io.herald.sdk.auth.UserData}.
 */
package io.herald.sdk.auth;
