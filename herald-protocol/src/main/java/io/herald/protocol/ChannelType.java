package io.herald.protocol;

/** What a channel's name prefix makes of it: who may join and how. */
public enum ChannelType {
    PUBLIC,
    PRIVATE,
    PRESENCE,
    PRIVATE_ENCRYPTED,
    /** {@code #server-to-user-{id}}: joined only by a connection signed in as that user. */
    SERVER_TO_USER;

    /** Private, presence and encrypted channels need a signature to join and accept client events. */
    public boolean requiresAuthorization() {
        return this == PRIVATE || this == PRESENCE || this == PRIVATE_ENCRYPTED;
    }
}
