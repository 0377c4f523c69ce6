/**
 * The realtime client's machinery (WebSocket connection, frames, reconnect backoff, activity timer).
 * Not API: no public signature of {@code io.herald.client} exposes these types, and they may change in
 * any release.
 */
package io.herald.client.internal;
