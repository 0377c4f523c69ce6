package io.herald.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncryptedPayloadTest {

    private static final byte[] KEY = new byte[32];

    @Test
    void opensAPayloadSealedWithTheKeyAfterAJsonRoundTrip() {
        String json = EncryptedPayload.seal(KEY, "{\"a\":\"ü\"}").toJson();
        assertThat(json).startsWith("{\"nonce\":\"").contains("\"ciphertext\":\"");
        assertThat(EncryptedPayload.fromJson(json).open(KEY)).isEqualTo("{\"a\":\"ü\"}");
    }

    @Test
    void usesAFreshNonceEachTime() {
        EncryptedPayload first = EncryptedPayload.seal(KEY, "same");
        EncryptedPayload second = EncryptedPayload.seal(KEY, "same");
        assertThat(Base64.getDecoder().decode(first.nonce())).hasSize(SecretBox.NONCE_BYTES);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void answersNullForAnotherKey() {
        byte[] other = KEY.clone();
        other[5] = 1;
        assertThat(EncryptedPayload.seal(KEY, "x").open(other)).isNull();
    }

    @Test
    void refusesWhatIsNoPayload() {
        assertThatThrownBy(() -> EncryptedPayload.fromJson("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptedPayload.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptedPayload.fromJson("{\"nonce\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncryptedPayload("!!", "AA==").open(KEY)).hasMessageContaining("base64");
        assertThatThrownBy(() -> new EncryptedPayload(null, "AA==").open(KEY)).hasMessageContaining("base64");
        assertThatThrownBy(() -> EncryptedPayload.fromJson("{\"nonce\":\"AAAA\",\"ciphertext\":\"AAAA\"}").open(KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce must be 24");
    }
}
