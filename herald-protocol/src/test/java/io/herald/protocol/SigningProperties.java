package io.herald.protocol;

import static io.herald.protocol.PropertyGenerators.ALPHA;
import static io.herald.protocol.PropertyGenerators.NUMERIC;
import static io.herald.protocol.PropertyGenerators.anyChar;
import static io.herald.protocol.PropertyGenerators.anyString;
import static io.herald.protocol.PropertyGenerators.stringsOf;
import static io.herald.protocol.PropertyGenerators.wellFormedChar;
import static io.herald.protocol.PropertyGenerators.wellFormedString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the signature code on generated input (QuickTheories): whatever is signed verifies,
 * any single-character change is refused, and no input makes a check throw.
 */
class SigningProperties {

    private static final String HEX = "0123456789abcdef";
    /** Examples drawn per property: at least 1000 distinct ones run (repeats are skipped). */
    private static final int TRIES = 1500;

    /** Where in a string to change a character (taken modulo its length). */
    private static final Gen<Integer> POSITIONS = integers().between(0, 10_000);

    private record AuthCase(String secret, String key, String socketId, String channel, String channelData,
                            int position, char replacement) {
    }

    @Test
    void aChannelSignatureVerifiesAndAnyChangeToTheAuthStringIsRefused() {
        Gen<AuthCase> cases = in -> new AuthCase(secrets().generate(in), anyString().generate(in),
                socketIds().generate(in), channels().generate(in), channelData().generate(in),
                POSITIONS.generate(in), anyChar().generate(in));
        qt().withExamples(TRIES).forAll(cases).checkAssert(c -> {
            String signature = ChannelAuth.channelSignature(c.secret(), c.socketId(), c.channel(), c.channelData());
            String auth = ChannelAuth.authString(c.key(), signature);
            assertThat(ChannelAuth.matches(c.key(), signature, auth)).isTrue();

            String changed = replaceOneChar(auth, c.position(), c.replacement());
            if (!changed.equals(auth)) {
                assertThat(ChannelAuth.matches(c.key(), signature, changed)).as("changed auth %s", changed).isFalse();
            }
        });
    }

    private record CoveredChange(String secret, String socketId, String channel, String channelData, int part,
                                 int position, char replacement) {
    }

    @Test
    void anyChangeToWhatAChannelSignatureCoversChangesIt() {
        Gen<CoveredChange> cases = in -> new CoveredChange(secrets().generate(in), socketIds().generate(in),
                channels().generate(in), channelData().generate(in), integers().between(0, 2).generate(in),
                POSITIONS.generate(in), wellFormedChar().generate(in));
        qt().withExamples(TRIES).forAll(cases).checkAssert(c -> {
            String[] parts = {c.socketId(), c.channel(), c.channelData()};
            String[] changed = parts.clone();
            changed[c.part()] = replaceOneChar(parts[c.part()], c.position(), c.replacement());
            if (changed[c.part()].equals(parts[c.part()])) {
                return; // replaced a char by itself: nothing changed
            }
            assertThat(ChannelAuth.channelSignature(c.secret(), changed[0], changed[1], changed[2]))
                    .isNotEqualTo(ChannelAuth.channelSignature(c.secret(), c.socketId(), c.channel(), c.channelData()));
        });
    }

    private record UserDataChange(String secret, String socketId, String userData, int position, char replacement) {
    }

    @Test
    void aUserSignatureVerifiesOnlyForTheSignedUserData() {
        Gen<UserDataChange> cases = in -> new UserDataChange(secrets().generate(in), socketIds().generate(in),
                channelData().generate(in), POSITIONS.generate(in), wellFormedChar().generate(in));
        qt().withExamples(TRIES).forAll(cases).checkAssert(c -> {
            String signature = ChannelAuth.userSignature(c.secret(), c.socketId(), c.userData());
            assertThat(ChannelAuth.matches("key", signature, "key:" + signature)).isTrue();
            String forged = replaceOneChar(c.userData(), c.position(), c.replacement());
            if (forged.equals(c.userData())) {
                return;
            }
            assertThat(ChannelAuth.matches("key", ChannelAuth.userSignature(c.secret(), c.socketId(), forged),
                    "key:" + signature)).isFalse();
        });
    }

    @Test
    void checkingAnyAuthStringNeverThrows() {
        qt().withExamples(TRIES).forAll(anyString(), anyString(), anyString()).checkAssert((key, expected, auth) -> {
            ChannelAuth.matches(key, expected, auth);
            assertThat(ChannelAuth.matches(key, expected, null)).isFalse();
        });
    }

    private record Comparison(String a, String b) {
    }

    @Test
    void constantTimeEqualsAgreesWithEquals() {
        qt().withExamples(TRIES).forAll(comparisons()).checkAssert(c ->
                assertThat(Crypto.constantTimeEquals(c.a(), c.b())).isEqualTo(c.a().equals(c.b())));
    }

    /** Found by the property above: UTF-8 encoding turns a lone surrogate into '?'. */
    @Test
    void aLoneSurrogateDoesNotPassForAQuestionMark() {
        assertThat(Crypto.constantTimeEquals("\uD800", "?")).isFalse();
        assertThat(ChannelAuth.matches("k?", "abc", "k\uDC00:abc")).isFalse();
    }

    @Test
    void digestsAreLowerCaseHexOfFixedLengthForAnyInput() {
        qt().withExamples(TRIES).forAll(secrets(), anyString(), PropertyGenerators.bytes(PropertyGenerators.DEFAULT_MAX_LENGTH))
                .checkAssert((secret, message, body) -> {
                    assertThat(Crypto.hmacSha256Hex(secret, message)).hasSize(64).matches("[0-9a-f]+");
                    assertThat(Crypto.md5Hex(body)).hasSize(32).matches("[0-9a-f]+");
                });
    }

    private record Reordering(String method, String path, Map<String, String> params, String oldSignature, long seed) {
    }

    @Test
    void theStringToSignIgnoresParameterOrderAndTheSignatureItself() {
        Gen<Reordering> cases = in -> new Reordering(stringsOf(ALPHA, 1, 7).generate(in), anyString().generate(in),
                params(0).generate(in), anyString().generate(in), longs().all().generate(in));
        qt().withExamples(TRIES).forAll(cases).checkAssert(c -> {
            String expected = RequestSigning.stringToSign(c.method(), c.path(), c.params());
            assertThat(expected).startsWith(c.method().toUpperCase(Locale.ROOT) + "\n" + c.path() + "\n");

            List<Map.Entry<String, String>> entries = new ArrayList<>(c.params().entrySet());
            Collections.shuffle(entries, new Random(c.seed()));
            Map<String, String> reordered = new LinkedHashMap<>();
            entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
            reordered.put(c.seed() % 2 == 0 ? "auth_signature" : "AUTH_Signature", c.oldSignature());
            assertThat(RequestSigning.stringToSign(c.method().toLowerCase(Locale.ROOT), c.path(), reordered))
                    .isEqualTo(expected);
        });
    }

    private record ParameterChange(String secret, Map<String, String> params, int which, int position,
                                   char replacement) {
    }

    @Test
    void anyChangeToASignedParameterValueChangesTheRequestSignature() {
        Gen<ParameterChange> cases = in -> new ParameterChange(secrets().generate(in),
                params(1).generate(in), POSITIONS.generate(in), POSITIONS.generate(in),
                wellFormedChar().generate(in));
        qt().withExamples(TRIES).forAll(cases).checkAssert(c -> {
            String name = new ArrayList<>(c.params().keySet()).get(c.which() % c.params().size());
            Map<String, String> changed = new LinkedHashMap<>(c.params());
            changed.put(name, replaceOneChar(c.params().get(name), c.position(), c.replacement()));
            if (changed.get(name).equals(c.params().get(name))) {
                return;
            }
            assertThat(RequestSigning.signature(c.secret(), "POST", "/apps/1/events", changed))
                    .isNotEqualTo(RequestSigning.signature(c.secret(), "POST", "/apps/1/events", c.params()));
        });
    }

    /** Replaces the character at {@code position} (modulo the length) or appends when {@code s} is empty. */
    private static String replaceOneChar(String s, int position, char replacement) {
        if (s.isEmpty()) {
            return String.valueOf(replacement);
        }
        int at = position % s.length();
        return s.substring(0, at) + replacement + s.substring(at + 1);
    }

    /**
     * Pairs of strings: equal but distinct copies, unrelated, or one char apart (where a lossy
     * encoding, such as UTF-8 turning lone surrogates into '?', would make them compare equal).
     */
    private static Gen<Comparison> comparisons() {
        return in -> {
            String a = anyString().generate(in);
            switch (integers().between(0, 2).generate(in)) {
                case 0:
                    return new Comparison(a, new String(a.toCharArray()));
                case 1:
                    return new Comparison(a, anyString().generate(in));
                default:
                    return new Comparison(a, replaceOneChar(a, POSITIONS.generate(in), anyChar().generate(in)));
            }
        };
    }

    /** HMAC keys: any non-empty string. */
    private static Gen<String> secrets() {
        return anyString(1, PropertyGenerators.DEFAULT_MAX_LENGTH);
    }

    private static Gen<String> socketIds() {
        Gen<Long> parts = longs().between(0, Long.MAX_VALUE);
        return parts.zip(parts, (a, b) -> a + "." + b);
    }

    /** Valid channel names: what a subscription gets to the signature check with. */
    private static Gen<String> channels() {
        Gen<String> prefixes = Generate.pick(List.of("", "private-", "presence-", "private-encrypted-", "private-cache-"));
        return prefixes.zip(stringsOf("-_=@,.;" + ALPHA + NUMERIC, 1, 60), String::concat);
    }

    /**
     * Well-formed text (clients' strings are: the message parser refuses lone surrogates), JSON-like
     * and not, including non-ASCII.
     */
    private static Gen<String> channelData() {
        return Generate.oneOf(
                wellFormedString(0, 200),
                stringsOf(ALPHA + NUMERIC, 0, 20)
                        .map(id -> "{\"user_id\":\"" + id + "\",\"user_info\":{\"name\":\"Zoë " + id + "\"}}"));
    }

    /**
     * Signed request parameters, {@code minSize} to 8 of them. Built without assumptions (a rejected
     * draw can make QuickTheories give up): the key alphabet cannot spell {@code auth_signature}, and
     * keys are lower case because the signature lower-cases them ("A" and "a" are one parameter to it).
     */
    private static Gen<Map<String, String>> params(int minSize) {
        Gen<String> keys = stringsOf(HEX + "_XYZ", 1, 12).map(k -> k.toLowerCase(Locale.ROOT));
        return PropertyGenerators.mapsOf(keys, wellFormedString(0, 40), minSize, 8);
    }
}
