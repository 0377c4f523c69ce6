/**
 * The wire-level pieces of {@code private-encrypted-} channels, shared by the SDK and the client: NaCl
 * secretbox, the channel's shared secret, and the {@code {"nonce","ciphertext"}} payload.
 */
package io.herald.protocol.crypto;
