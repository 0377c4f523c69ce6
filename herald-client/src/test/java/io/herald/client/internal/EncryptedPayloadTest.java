package io.herald.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncryptedPayloadTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] NONCE = new byte[24];

    private static String payload(byte[] key, String message) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"nonce\":\"" + b64.encodeToString(NONCE) + "\",\"ciphertext\":\""
                + b64.encodeToString(SecretBox.seal(key, NONCE, message.getBytes(StandardCharsets.UTF_8))) + "\"}";
    }

    @Test
    void opensAPayloadSealedWithTheKey() {
        assertThat(EncryptedPayload.open(KEY, payload(KEY, "{\"a\":\"ü\"}"))).isEqualTo("{\"a\":\"ü\"}");
    }

    @Test
    void answersNullForAnotherKeyAndThrowsForWhatIsNoPayload() {
        byte[] other = KEY.clone();
        other[5] = 1;
        assertThat(EncryptedPayload.open(other, payload(KEY, "x"))).isNull();
        assertThatThrownBy(() -> EncryptedPayload.open(KEY, "plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptedPayload.open(KEY, "{\"nonce\":\"AAAA\",\"ciphertext\":\"AAAA\"}"))
                .hasMessageContaining("nonce");
    }

    @Test
    void acceptsOnlyA32ByteBase64SharedSecret() {
        assertThat(EncryptedPayload.key(Base64.getEncoder().encodeToString(KEY))).hasSize(32);
        assertThat(EncryptedPayload.key(Base64.getEncoder().encodeToString(new byte[16]))).isNull();
        assertThat(EncryptedPayload.key("not base64!")).isNull();
        assertThat(EncryptedPayload.key(null)).isNull();
    }
}
