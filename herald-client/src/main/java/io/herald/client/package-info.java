/**
 * A Java realtime client for Herald and any Pusher-compatible server (protocol 7 over the JDK's
 * WebSocket): subscribe to channels, receive events, send client events, see who is present and sign in
 * as a user.
 *
 * <p>Start with {@link io.herald.client.HeraldRealtime}: build its {@link io.herald.client.HeraldRealtimeOptions}
 * (app key, host, port, TLS), {@link io.herald.client.HeraldRealtime#connect() connect}, then
 * {@link io.herald.client.HeraldRealtime#subscribe(String) subscribe} and
 * {@link io.herald.client.Channel#bind(String, io.herald.client.EventListener) bind} listeners. Private,
 * presence and encrypted channels need a {@link io.herald.client.ChannelAuthorizer}: usually an
 * {@link io.herald.client.HttpChannelAuthorizer} that asks your app's auth endpoint, as pusher-js does,
 * or a {@link io.herald.client.LocalChannelAuthorizer} for trusted services that hold the app secret.
 * User sign-in works the same way with a {@link io.herald.client.UserAuthenticator}.
 *
 * <p>Every listener runs on the client's single event thread and must not block; see
 * {@link io.herald.client.HeraldRealtime} for the thread model, reconnects and liveness checks.
 */
package io.herald.client;
