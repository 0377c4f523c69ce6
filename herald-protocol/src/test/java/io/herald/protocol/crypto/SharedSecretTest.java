package io.herald.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.protocol.TestVectors;
import io.herald.protocol.TestVectors.SharedSecretVector;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SharedSecretTest {

    static List<SharedSecretVector> vectors() {
        return TestVectors.encryptedSharedSecret();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesThePublishedSharedSecret(SharedSecretVector v) {
        byte[] masterKey = Base64.getDecoder().decode(v.masterKeyBase64());
        assertThat(SharedSecret.deriveBase64(v.channel(), masterKey)).isEqualTo(v.sharedSecretBase64());
        assertThat(SharedSecret.derive(v.channel(), masterKey)).isEqualTo(Base64.getDecoder().decode(v.sharedSecretBase64()));
    }

    @Test
    void refusesAMasterKeyOfTheWrongSize() {
        assertThatThrownBy(() -> SharedSecret.derive("private-encrypted-x", new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 32 bytes, was 16");
    }

    @Test
    void acceptsOnlyA32ByteBase64SharedSecret() {
        assertThat(SharedSecret.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).hasSize(32);
        assertThat(SharedSecret.fromBase64(Base64.getEncoder().encodeToString(new byte[16]))).isNull();
        assertThat(SharedSecret.fromBase64("not base64!")).isNull();
        assertThat(SharedSecret.fromBase64(null)).isNull();
    }
}
