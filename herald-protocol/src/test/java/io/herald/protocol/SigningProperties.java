package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the signature code on generated input (jqwik): whatever is signed verifies, any
 * single-character change is refused, and no input makes a check throw.
 */
class SigningProperties {

    private static final String HEX = "0123456789abcdef";

    @Property
    void aChannelSignatureVerifiesAndAnyChangeToTheAuthStringIsRefused(
            @ForAll @NotEmpty String secret, @ForAll String key, @ForAll("socketIds") String socketId,
            @ForAll("channels") String channel, @ForAll("channelData") String channelData,
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll char replacement) {
        String signature = ChannelAuth.channelSignature(secret, socketId, channel, channelData);
        String auth = ChannelAuth.authString(key, signature);
        assertThat(ChannelAuth.matches(key, signature, auth)).isTrue();

        String changed = replaceOneChar(auth, position, replacement);
        Assume.that(!changed.equals(auth));
        assertThat(ChannelAuth.matches(key, signature, changed)).as("changed auth %s", changed).isFalse();
    }

    @Property
    void anyChangeToWhatAChannelSignatureCoversChangesIt(
            @ForAll @NotEmpty String secret, @ForAll("socketIds") String socketId, @ForAll("channels") String channel,
            @ForAll("channelData") String channelData, @ForAll @IntRange(min = 0, max = 2) int part,
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll("wellFormedChars") char replacement) {
        String[] parts = {socketId, channel, channelData};
        String[] changed = parts.clone();
        changed[part] = replaceOneChar(parts[part], position, replacement);
        Assume.that(!changed[part].equals(parts[part]));

        assertThat(ChannelAuth.channelSignature(secret, changed[0], changed[1], changed[2]))
                .isNotEqualTo(ChannelAuth.channelSignature(secret, socketId, channel, channelData));
    }

    @Property
    void aUserSignatureVerifiesOnlyForTheSignedUserData(
            @ForAll @NotEmpty String secret, @ForAll("socketIds") String socketId, @ForAll("channelData") String userData,
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll("wellFormedChars") char replacement) {
        String signature = ChannelAuth.userSignature(secret, socketId, userData);
        assertThat(ChannelAuth.matches("key", signature, "key:" + signature)).isTrue();
        String forged = replaceOneChar(userData, position, replacement);
        Assume.that(!forged.equals(userData));
        assertThat(ChannelAuth.matches("key", ChannelAuth.userSignature(secret, socketId, forged), "key:" + signature))
                .isFalse();
    }

    @Property
    void checkingAnyAuthStringNeverThrows(@ForAll String key, @ForAll String expected, @ForAll String auth) {
        ChannelAuth.matches(key, expected, auth);
        assertThat(ChannelAuth.matches(key, expected, null)).isFalse();
    }

    @Property
    void constantTimeEqualsAgreesWithEquals(@ForAll String a, @ForAll String b, @ForAll boolean same) {
        String other = same ? new String(a.toCharArray()) : b;
        assertThat(Crypto.constantTimeEquals(a, other)).isEqualTo(a.equals(other));
    }

    /** Found by the property above: UTF-8 encoding turns a lone surrogate into '?'. */
    @Example
    void aLoneSurrogateDoesNotPassForAQuestionMark() {
        assertThat(Crypto.constantTimeEquals("\uD800", "?")).isFalse();
        assertThat(ChannelAuth.matches("k?", "abc", "k\uDC00:abc")).isFalse();
    }

    @Property
    void digestsAreLowerCaseHexOfFixedLengthForAnyInput(@ForAll @NotEmpty String secret, @ForAll String message,
                                                         @ForAll byte[] body) {
        assertThat(Crypto.hmacSha256Hex(secret, message)).hasSize(64).matches("[0-9a-f]+");
        assertThat(Crypto.md5Hex(body)).hasSize(32).matches("[0-9a-f]+");
    }

    @Property
    void theStringToSignIgnoresParameterOrderAndTheSignatureItself(
            @ForAll @AlphaChars @StringLength(min = 1, max = 7) String method, @ForAll String path,
            @ForAll("params") Map<String, String> params, @ForAll String oldSignature, @ForAll long seed) {
        String expected = RequestSigning.stringToSign(method, path, params);
        assertThat(expected).startsWith(method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n");

        List<Map.Entry<String, String>> entries = new ArrayList<>(params.entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<String, String> reordered = new LinkedHashMap<>();
        entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
        reordered.put(seed % 2 == 0 ? "auth_signature" : "AUTH_Signature", oldSignature);
        assertThat(RequestSigning.stringToSign(method.toLowerCase(java.util.Locale.ROOT), path, reordered))
                .isEqualTo(expected);
    }

    @Property
    void anyChangeToASignedParameterValueChangesTheRequestSignature(
            @ForAll @NotEmpty String secret, @ForAll("params") Map<String, String> params,
            @ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll("wellFormedChars") char replacement) {
        Assume.that(!params.isEmpty());
        String name = new ArrayList<>(params.keySet()).get(which % params.size());
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put(name, replaceOneChar(params.get(name), position, replacement));
        Assume.that(!changed.get(name).equals(params.get(name)));

        assertThat(RequestSigning.signature(secret, "POST", "/apps/1/events", changed))
                .isNotEqualTo(RequestSigning.signature(secret, "POST", "/apps/1/events", params));
    }

    /** Replaces the character at {@code position} (modulo the length) or appends when {@code s} is empty. */
    private static String replaceOneChar(String s, int position, char replacement) {
        if (s.isEmpty()) {
            return String.valueOf(replacement);
        }
        int at = position % s.length();
        return s.substring(0, at) + replacement + s.substring(at + 1);
    }

    @Provide
    Arbitrary<String> socketIds() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).tuple2()
                .map(t -> t.get1() + "." + t.get2());
    }

    /** Valid channel names: what a subscription gets to the signature check with. */
    @Provide
    Arbitrary<String> channels() {
        Arbitrary<String> prefixes = Arbitraries.of("", "private-", "presence-", "private-encrypted-", "private-cache-");
        Arbitrary<String> names = Arbitraries.strings().withChars("-_=@,.;").alpha().numeric().ofMinLength(1).ofMaxLength(60);
        return prefixes.flatMap(prefix -> names.map(name -> prefix + name));
    }

    /**
     * Well-formed text (clients' strings are: the message parser refuses lone surrogates), JSON-like
     * and not, including non-ASCII.
     */
    @Provide
    Arbitrary<String> channelData() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).filter(SigningProperties::isWellFormed),
                Arbitraries.strings().alpha().numeric().ofMaxLength(20)
                        .map(id -> "{\"user_id\":\"" + id + "\",\"user_info\":{\"name\":\"Zoë " + id + "\"}}"));
    }

    @Provide
    Arbitrary<Character> wellFormedChars() {
        return Arbitraries.chars().filter(c -> !Character.isSurrogate(c));
    }

    @Provide
    Arbitrary<Map<String, String>> params() {
        Arbitrary<String> keys = Arbitraries.strings().withChars(HEX + "_XYZ").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> values = Arbitraries.strings().ofMaxLength(40).filter(SigningProperties::isWellFormed);
        // Lower-case keys only: the signature lower-cases them, so "A" and "a" are one parameter to it.
        return Arbitraries.maps(keys.map(k -> k.toLowerCase(java.util.Locale.ROOT)), values).ofMaxSize(8)
                .filter(m -> !m.containsKey("auth_signature"));
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
