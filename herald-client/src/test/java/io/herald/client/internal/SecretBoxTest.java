package io.herald.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The published NaCl secretbox vector (tests/secretbox.c in NaCl and libsodium). */
class SecretBoxTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex(
            "1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    private static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    private static final byte[] MESSAGE = HEX.parseHex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c6129"
            + "6cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
            + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
    private static final byte[] BOX = HEX.parseHex(
            "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186a"
            + "c0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
            + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74"
            + "e355a5");

    @Test
    void opensThePublishedVector() {
        assertThat(SecretBox.open(KEY, NONCE, BOX)).isEqualTo(MESSAGE);
    }

    @Test
    void sealsToThePublishedVector() {
        assertThat(SecretBox.seal(KEY, NONCE, MESSAGE)).isEqualTo(BOX);
    }

    @Test
    void refusesATamperedBox() {
        byte[] tampered = BOX.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(SecretBox.open(KEY, NONCE, tampered)).isNull();
    }

    @Test
    void refusesTheWrongKey() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(SecretBox.open(otherKey, NONCE, BOX)).isNull();
    }
}
