package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.TestVectors.ChannelAuthVector;
import io.herald.protocol.TestVectors.UserAuthVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChannelAuthTest {

    private static final ChannelAuthVector PRIVATE = TestVectors.channelAuth("pusher-docs-private-channel");

    @ParameterizedTest
    @MethodSource("io.herald.protocol.TestVectors#channelAuth")
    void channelSignatureMatchesThePublishedVector(ChannelAuthVector v) {
        String signature = ChannelAuth.channelSignature(v.secret(), v.socketId(), v.channel(), v.channelData());

        assertThat(signature).isEqualTo(v.signature());
        assertThat(ChannelAuth.authString(v.key(), signature)).isEqualTo(v.auth());
    }

    @ParameterizedTest
    @MethodSource("io.herald.protocol.TestVectors#channelAuth")
    void publishedAuthStringMatches(ChannelAuthVector v) {
        assertThat(ChannelAuth.matches(v.key(), v.signature(), v.auth())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("io.herald.protocol.TestVectors#userAuth")
    void userSignatureMatchesThePublishedVector(UserAuthVector v) {
        String signature = ChannelAuth.userSignature(v.secret(), v.socketId(), v.userData());

        assertThat(signature).isEqualTo(v.signature());
        assertThat(ChannelAuth.authString(v.key(), signature)).isEqualTo(v.auth());
    }

    @Test
    void presenceChannelDataIsPartOfTheSignature() {
        ChannelAuthVector presence = TestVectors.channelAuth("pusher-docs-presence-channel");
        String tampered = presence.channelData().replace("Mr. Channels", "Mr. Hacker");

        assertThat(ChannelAuth.channelSignature(presence.secret(), presence.socketId(), presence.channel(), tampered))
                .isNotEqualTo(presence.signature());
    }

    @Test
    void anotherSocketGetsAnotherSignature() {
        assertThat(ChannelAuth.channelSignature(PRIVATE.secret(), "1234.1235", PRIVATE.channel(), null))
                .isNotEqualTo(PRIVATE.signature());
    }

    @Test
    void matchesRejectsAWrongKey() {
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), "other-key:" + PRIVATE.signature())).isFalse();
    }

    @Test
    void matchesRejectsAWrongSignature() {
        String wrong = PRIVATE.signature().substring(1) + "0";
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), PRIVATE.key() + ":" + wrong)).isFalse();
    }

    @Test
    void matchesRejectsAnAuthWithoutColon() {
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), PRIVATE.key() + PRIVATE.signature())).isFalse();
    }

    @Test
    void matchesRejectsMissingOrEmptyAuth() {
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), null)).isFalse();
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), "")).isFalse();
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), ":")).isFalse();
    }

    @Test
    void matchesRejectsTheSignatureOfAnotherCase() {
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), PRIVATE.key() + ":" + PRIVATE.signature().toUpperCase()))
                .isFalse();
    }

    @Test
    void matchesRejectsExtraTextAfterTheSignature() {
        assertThat(ChannelAuth.matches(PRIVATE.key(), PRIVATE.signature(), PRIVATE.auth() + ":x")).isFalse();
    }
}
