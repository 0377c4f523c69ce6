/**
 * End-to-end encryption of {@code private-encrypted-} channels: the SDK's facade over the shared
 * secretbox, shared-secret and payload code in {@code io.herald.protocol.crypto}.
 *
 * <p>Set the app's master key on {@link io.herald.sdk.HeraldRestOptions.Builder#encryptionMasterKey(byte[])}
 * and {@link io.herald.sdk.HeraldRest} encrypts what it publishes on such channels and adds the
 * {@code shared_secret} to their authorization by itself. Use
 * {@link io.herald.sdk.crypto.ChannelEncryption} (from {@link io.herald.sdk.HeraldRest#encryption()})
 * only to decrypt, e.g. client events reported by webhooks; a payload that can't be opened is a
 * {@link io.herald.sdk.crypto.DecryptionException}.
 */
package io.herald.sdk.crypto;
