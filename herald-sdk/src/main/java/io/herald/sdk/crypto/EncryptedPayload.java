package io.herald.sdk.crypto;

/**
 * The data of an event on a {@code private-encrypted-} channel: {@code {"nonce":b64,"ciphertext":b64}}.
 *
 * @param nonce base64 of the 24-byte nonce
 * @param ciphertext base64 of the secretbox (tag ‖ encrypted message)
 */
public record EncryptedPayload(String nonce, String ciphertext) {
}
