package io.herald.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final HexFormat HEX = HexFormat.of();
    // NaCl's crypto_secretbox test vector (tests/secretbox.c in NaCl and libsodium: the cryptobox
    // paper's "firstkey", nonce, 131-byte message).
    private static final byte[] KEY = HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    private static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    private static final byte[] MESSAGE = HEX.parseHex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c61296cdc3c0123"
            + "3561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde048977eb48f59ffd49"
            + "24ca1c60902e52f0a089bc76897040e082f937763848645e0705");
    private static final byte[] BOX = HEX.parseHex(
            "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186ac0dfc17c98"
            + "dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae90224368517acfeabd6b"
            + "b3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e355a5");

    @Test
    void sealsTheNaclTestVector() {
        assertThat(HEX.formatHex(SecretBox.seal(KEY, NONCE, MESSAGE))).isEqualTo(HEX.formatHex(BOX));
    }

    @Test
    void opensTheNaclTestVector() {
        assertThat(SecretBox.open(KEY, NONCE, BOX)).isEqualTo(MESSAGE);
    }

    @Test
    void answersNullForATamperedOrTruncatedBoxOrAnotherKey() {
        byte[] tampered = BOX.clone();
        tampered[40] ^= 1;
        assertThat(SecretBox.open(KEY, NONCE, tampered)).isNull();
        byte[] tamperedTag = BOX.clone();
        tamperedTag[0] ^= 1;
        assertThat(SecretBox.open(KEY, NONCE, tamperedTag)).isNull();
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(SecretBox.open(otherKey, NONCE, BOX)).isNull();
        assertThat(SecretBox.open(KEY, NONCE, new byte[5])).isNull();
    }

    @Test
    void anEmptyMessageIsJustATag() {
        byte[] box = SecretBox.seal(KEY, NONCE, new byte[0]);
        assertThat(box).hasSize(SecretBox.TAG_BYTES);
        assertThat(SecretBox.open(KEY, NONCE, box)).isEmpty();
    }

    @Test
    void refusesKeysAndNoncesOfTheWrongSize() {
        assertThatThrownBy(() -> SecretBox.seal(new byte[31], NONCE, MESSAGE)).hasMessageContaining("key must be 32");
        assertThatThrownBy(() -> SecretBox.seal(KEY, new byte[12], MESSAGE)).hasMessageContaining("nonce must be 24");
        assertThatThrownBy(() -> SecretBox.open(KEY, new byte[12], BOX)).hasMessageContaining("nonce must be 24");
    }
}
