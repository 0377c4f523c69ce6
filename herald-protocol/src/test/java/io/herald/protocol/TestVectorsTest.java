package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared vector file itself: every section loads, and each vector is internally consistent. */
class TestVectorsTest {

    @Test
    void everySectionLoadsWithItsSource() {
        assertThat(TestVectors.requestSigning()).isNotEmpty().allSatisfy(v -> assertThat(v.source()).isNotBlank());
        assertThat(TestVectors.channelAuth()).isNotEmpty().allSatisfy(v -> assertThat(v.source()).isNotBlank());
        assertThat(TestVectors.userAuth()).isNotEmpty().allSatisfy(v -> assertThat(v.source()).isNotBlank());
        assertThat(TestVectors.encryptedSharedSecret()).isNotEmpty().allSatisfy(v -> assertThat(v.source()).isNotBlank());
    }

    @Test
    void everyAuthIsTheKeyAndTheSignature() {
        assertThat(TestVectors.channelAuth()).allSatisfy(v -> assertThat(v.auth()).isEqualTo(v.key() + ":" + v.signature()));
        assertThat(TestVectors.userAuth()).allSatisfy(v -> assertThat(v.auth()).isEqualTo(v.key() + ":" + v.signature()));
    }

    @Test
    void namesAreUnique() {
        assertThat(TestVectors.channelAuth()).extracting(TestVectors.ChannelAuthVector::name).doesNotHaveDuplicates();
        assertThat(TestVectors.userAuth()).extracting(TestVectors.UserAuthVector::name).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownVectorNameFails() {
        assertThatThrownBy(() -> TestVectors.channelAuth("no-such-vector"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-vector");
    }
}
