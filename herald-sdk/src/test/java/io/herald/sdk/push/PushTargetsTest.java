package io.herald.sdk.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.sdk.HeraldValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Beams rules for interests and users, at their edges. */
class PushTargetsTest {

    @Test
    void interestsAre1To100NamesOf1To164AllowedCharacters() {
        assertThat(PushTargets.interests(names("i", 100))).hasSize(100);
        assertThat(PushTargets.interest("Az09_-=@,.;")).isEqualTo("Az09_-=@,.;");
        assertThat(PushTargets.interest("x".repeat(164))).hasSize(164);

        refused(() -> PushTargets.interests(List.of()), "1 to 100 interests, got none");
        refused(() -> PushTargets.interests(null), "1 to 100 interests, got none");
        refused(() -> PushTargets.interests(names("i", 101)), "at most 100 interests, got 101");
        refused(() -> PushTargets.interest("x".repeat(165)), "1 to 164 characters, was 165");
        refused(() -> PushTargets.interest(""), "1 to 164 characters, was 0");
        for (String bad : List.of("a b", "a/b", "a#b", "a:b", "é", "a\nb", "a*")) {
            refused(() -> PushTargets.interest(bad), "has a character outside");
        }
        refused(() -> PushTargets.interests(Arrays.asList("a", null)), "must not contain null");
    }

    @Test
    void usersAre1To1000IdsOf1To164Bytes() {
        assertThat(PushTargets.users(names("u", 1000))).hasSize(1000);
        assertThat(PushTargets.userId("any chars / # ☃")).isEqualTo("any chars / # ☃");

        refused(() -> PushTargets.users(List.of()), "1 to 1000 users, got none");
        refused(() -> PushTargets.users(names("u", 1001)), "at most 1000 users, got 1001");
        refused(() -> PushTargets.users(List.of("ok", "x".repeat(165))), "was 165");
        refused(() -> PushTargets.userId("☃".repeat(55)), "was 165");
    }

    private static List<String> names(String prefix, int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> prefix + i).toList());
    }

    private static void refused(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOf(HeraldValidationException.class).hasMessageContaining(message);
    }
}
