package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "my-channel", "private-azAZ09_=@,.;", "presence-room.1", "cache-x", "A-Z_a-z=0@9,;."})
    void acceptsNamesMadeOfAllowedCharacters(String name) {
        assertThat(ChannelName.problem(name, ChannelName.MAX_LENGTH)).isNull();
        assertThat(ChannelName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "colon:x", "slash/x", "star*", "plus+", "hash#x", "#other", "tab\tx",
            "new\nline", "é", "quote\"", "percent%20", "brace{}"})
    void rejectsNamesWithOtherCharacters(String name) {
        assertThat(ChannelName.isValid(name)).isFalse();
        assertThat(ChannelName.problem(name, ChannelName.MAX_LENGTH)).contains("may only contain");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingName(String name) {
        assertThat(ChannelName.problem(name, ChannelName.MAX_LENGTH)).isEqualTo("channel name is missing");
        assertThat(ChannelName.isValid(name)).isFalse();
    }

    @Test
    void acceptsExactly200Characters() {
        assertThat(ChannelName.isValid("a".repeat(200))).isTrue();
    }

    @Test
    void rejects201Characters() {
        assertThat(ChannelName.isValid("a".repeat(201))).isFalse();
        assertThat(ChannelName.problem("a".repeat(201), ChannelName.MAX_LENGTH)).contains("longer than 200");
    }

    @Test
    void honoursASmallerConfiguredLimit() {
        assertThat(ChannelName.problem("abcde", 5)).isNull();
        assertThat(ChannelName.problem("abcdef", 5)).contains("longer than 5");
    }

    @Test
    void serverToUserNamesNeedAUserId() {
        assertThat(ChannelName.isValid("#server-to-user-42")).isTrue();
        assertThat(ChannelName.problem("#server-to-user-", ChannelName.MAX_LENGTH)).contains("no user id");
    }

    @Test
    void serverToUserNamesObeyTheLengthLimit() {
        String name = ChannelName.SERVER_TO_USER_PREFIX + "u".repeat(200 - ChannelName.SERVER_TO_USER_PREFIX.length() + 1);
        assertThat(ChannelName.isValid(name)).isFalse();
    }

    @ParameterizedTest(name = "{0} is {1}, cache={2}")
    @CsvSource({
            "foo,                          PUBLIC,            false",
            "cache-foo,                    PUBLIC,            true",
            "private-foo,                  PRIVATE,           false",
            "private-cache-foo,            PRIVATE,           true",
            "presence-foo,                 PRESENCE,          false",
            "presence-cache-foo,           PRESENCE,          true",
            "private-encrypted-foo,        PRIVATE_ENCRYPTED, false",
            "private-encrypted-cache-foo,  PRIVATE_ENCRYPTED, true",
            "#server-to-user-42,           SERVER_TO_USER,    false",
            "privatefoo,                   PUBLIC,            false",
            "presence,                     PUBLIC,            false",
            "public-private-foo,           PUBLIC,            false",
            "cachefoo,                     PUBLIC,            false",
            "public-cache-foo,             PUBLIC,            false",
            "private-encryptedfoo,         PRIVATE,           false",
            "encrypted-cache-foo,          PUBLIC,            false"})
    void prefixDecidesTypeAndCache(String name, ChannelType type, boolean cache) {
        assertThat(ChannelName.typeOf(name)).isEqualTo(type);
        assertThat(ChannelName.isCache(name)).isEqualTo(cache);
    }

    @Test
    void onlyPrivatePresenceAndEncryptedChannelsNeedAuthorization() {
        assertThat(ChannelType.PRIVATE.requiresAuthorization()).isTrue();
        assertThat(ChannelType.PRESENCE.requiresAuthorization()).isTrue();
        assertThat(ChannelType.PRIVATE_ENCRYPTED.requiresAuthorization()).isTrue();
        assertThat(ChannelType.PUBLIC.requiresAuthorization()).isFalse();
        // Joined by sign-in, not by a channel signature.
        assertThat(ChannelType.SERVER_TO_USER.requiresAuthorization()).isFalse();
    }
}
