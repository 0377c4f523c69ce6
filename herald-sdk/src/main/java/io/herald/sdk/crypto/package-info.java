/** End-to-end encryption of {@code private-encrypted-} channels: shared secrets and NaCl secretbox. */
package io.herald.sdk.crypto;
