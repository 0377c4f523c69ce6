package io.herald.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pusher.rest.crypto.CryptoUtil;
import com.pusher.rest.data.EncryptedMessage;
import io.herald.protocol.crypto.EncryptedPayload;
import io.herald.sdk.HeraldValidationException;
import io.herald.sdk.SdkTestSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChannelEncryptionTest {

    private static final String CHANNEL = "private-encrypted-vault";

    private final ChannelEncryption encryption = new ChannelEncryption(SdkTestSupport.MASTER_KEY);
    private final CryptoUtil official = new CryptoUtil(SdkTestSupport.MASTER_KEY_BASE64);

    @Test
    void theSharedSecretIsSha256OfChannelNameThenMasterKey() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(CHANNEL.getBytes(StandardCharsets.UTF_8));
        sha256.update(SdkTestSupport.MASTER_KEY);
        byte[] expected = sha256.digest();
        assertThat(encryption.sharedSecret(CHANNEL)).isEqualTo(expected);
        assertThat(encryption.sharedSecretBase64(CHANNEL)).isEqualTo(Base64.getEncoder().encodeToString(expected));
        assertThat(Base64.getDecoder().decode(official.generateBase64EncodedSharedSecret(CHANNEL))).isEqualTo(expected);
    }

    @Test
    void pusherHttpJavaDecryptsWhatHeraldEncrypts() {
        EncryptedPayload payload = encryption.encrypt(CHANNEL, "{\"pin\":\"1234\"}");
        assertThat(Base64.getDecoder().decode(payload.nonce())).hasSize(24);
        assertThat(official.decrypt(CHANNEL, new EncryptedMessage(payload.nonce(), payload.ciphertext())))
                .isEqualTo("{\"pin\":\"1234\"}");
    }

    @Test
    void heraldDecryptsWhatPusherHttpJavaEncrypts() {
        EncryptedMessage message = official.encrypt(CHANNEL, "héllo wörld".getBytes(StandardCharsets.UTF_8));
        assertThat(encryption.decrypt(CHANNEL, new EncryptedPayload(message.getNonce(), message.getCiphertext())))
                .isEqualTo("héllo wörld");
    }

    @Test
    void payloadJsonRoundTripsAndUsesAFreshNonceEachTime() {
        String first = encryption.encryptToJson(CHANNEL, "same");
        String second = encryption.encryptToJson(CHANNEL, "same");
        assertThat(first).startsWith("{\"nonce\":\"").contains("\"ciphertext\":\"").isNotEqualTo(second);
        assertThat(encryption.decryptJson(CHANNEL, first)).isEqualTo("same");
    }

    @Test
    void aPayloadForAnotherChannelOrMalformedIsRefused() {
        String payload = encryption.encryptToJson(CHANNEL, "x");
        assertThatThrownBy(() -> encryption.decryptJson("private-encrypted-other", payload)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> encryption.decryptJson(CHANNEL, "{\"nonce\":1}")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> encryption.decryptJson(CHANNEL, "{\"nonce\":\"!!\",\"ciphertext\":\"AA==\"}"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> encryption.sharedSecret("private-plain")).isInstanceOf(HeraldValidationException.class);
        assertThatThrownBy(() -> new ChannelEncryption(new byte[16])).hasMessageContaining("32 bytes");
    }
}
