package io.herald.client;

import io.herald.protocol.Check;

/**
 * What an auth endpoint answers for one channel.
 *
 * @param auth the {@code key:signature} string
 * @param channelData presence channels: the signed {@code channel_data} JSON; otherwise {@code null}
 * @param sharedSecret encrypted channels: the base64 32-byte secretbox key; otherwise {@code null}
 */
public record AuthorizationResult(String auth, String channelData, String sharedSecret) {

    /**
     * Checks the answer.
     *
     * @param auth the {@code key:signature} string; not blank
     * @param channelData the signed {@code channel_data}, or {@code null}
     * @param sharedSecret the base64 secretbox key, or {@code null}
     * @throws IllegalArgumentException when {@code auth} is null or blank
     */
    public AuthorizationResult {
        Check.notBlank(auth, "auth");
    }
}
