/**
 * End-to-end encryption of {@code private-encrypted-} channels: the SDK's facade over the shared
 * secretbox, shared-secret and payload code in {@code io.herald.protocol.crypto}.
 */
package io.herald.sdk.crypto;
