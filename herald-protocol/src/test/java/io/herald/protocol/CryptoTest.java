package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CryptoTest {

    @Test
    void constantTimeEqualsIsTrueForEqualStrings() {
        assertThat(Crypto.constantTimeEquals("abc123", new String("abc123"))).isTrue();
        assertThat(Crypto.constantTimeEquals("", "")).isTrue();
    }

    @Test
    void constantTimeEqualsIsFalseWhenAnyCharacterDiffers() {
        assertThat(Crypto.constantTimeEquals("abc123", "abc124")).isFalse();
        assertThat(Crypto.constantTimeEquals("abc123", "xbc123")).isFalse();
    }

    @Test
    void constantTimeEqualsIsFalseForAPrefix() {
        assertThat(Crypto.constantTimeEquals("abc123", "abc")).isFalse();
        assertThat(Crypto.constantTimeEquals("abc", "abc123")).isFalse();
    }

    @Test
    void constantTimeEqualsIsFalseForNull() {
        assertThat(Crypto.constantTimeEquals(null, "abc")).isFalse();
        assertThat(Crypto.constantTimeEquals("abc", null)).isFalse();
        assertThat(Crypto.constantTimeEquals(null, null)).isFalse();
    }

    @Test
    void constantTimeEqualsComparesUtf8NotJustCharCounts() {
        assertThat(Crypto.constantTimeEquals("é", "e")).isFalse();
        assertThat(Crypto.constantTimeEquals("ą§¶", "ą§¶")).isTrue();
    }

    @Test
    void hmacIsLowerCaseHexOfUtf8() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(Crypto.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void md5OfAnEmptyBodyIsTheWellKnownValue() {
        assertThat(Crypto.md5Hex("".getBytes(StandardCharsets.UTF_8))).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }
}
