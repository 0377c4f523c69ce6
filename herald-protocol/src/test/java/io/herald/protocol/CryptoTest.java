package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Each thread reuses its Mac and MD5: nothing of one call's key or input may reach the next. */
    @Test
    void digestsOnEveryThreadMatchTheKnownValuesWhateverCameBefore() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        Crypto.hmacSha256Hex("other-key-" + thread + "-" + i, "a message " + i);
                        Crypto.md5Hex(("a body " + i).getBytes(StandardCharsets.UTF_8));
                        assertThat(Crypto.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
                                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
                        assertThat(Crypto.md5Hex(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void md5OfAnEmptyBodyIsTheWellKnownValue() {
        assertThat(Crypto.md5Hex("".getBytes(StandardCharsets.UTF_8))).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }
}
